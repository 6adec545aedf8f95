export interface TableSpec {
  /** Header of the first column, e.g. "地区". */
  rowHeader: string;
  columns: string[];
  rows: { header: string; cells: string[] }[];
}

/** The accessible twin of a chart: same numbers, as text, with the chart title as caption. */
export function DataTable({ caption, spec }: { caption: string; spec: TableSpec }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{spec.rowHeader}</th>
            {spec.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((row) => (
            <tr key={row.header}>
              <th scope="row">{row.header}</th>
              {row.cells.map((c, i) => (
                <td key={spec.columns[i] ?? i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
