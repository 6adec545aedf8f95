/** The admin page's chunk (code, words and styles), for src/main.tsx when `?page=data`. */
export const loadAdminPage = () => import('./admin-page');
