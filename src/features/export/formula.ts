/**
 * First characters that make a spreadsheet read a typed TEXT cell as a formula (or, with tab
 * and CR, mangle it). Shared by the CSV export (a leading apostrophe) and the XLSX export (the
 * quotePrefix style, what Excel sets when a user types `'=`).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;
