// The wire types live with the app's data layer so that the data service (server/) and the
// workbook template share them; the mocks keep importing them from here.
export type * from '@contract/wire-types';
