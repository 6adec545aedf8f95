/** The admin API's error answers: `{ error: { code, message: { zh, en } } }`. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface AdminError {
  error: { code: string; message: Bilingual };
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export const authMessages = {
  badCredentials: (): Bilingual => ({
    zh: '用户名或密码不正确。',
    en: 'The user name or password is wrong.',
  }),
  locked: (retryAfterSeconds: number): Bilingual => ({
    zh: `登录失败次数过多，账户已锁定，请 ${minutes(retryAfterSeconds)} 分钟后再试。`,
    en: `Too many failed sign-ins: the account is locked. Try again in ${minutes(retryAfterSeconds)} minutes.`,
  }),
  tooManyAttempts: (retryAfterSeconds: number): Bilingual => ({
    zh: `此电脑登录失败次数过多，请 ${minutes(retryAfterSeconds)} 分钟后再试。`,
    en: `Too many failed sign-ins from this computer. Try again in ${minutes(retryAfterSeconds)} minutes.`,
  }),
  signedOut: (): Bilingual => ({
    zh: '尚未登录，请先登录。',
    en: 'You are not signed in. Please sign in.',
  }),
  expired: (): Bilingual => ({
    zh: '登录已过期，请重新登录。',
    en: 'Your session has expired. Please sign in again.',
  }),
  csrf: (): Bilingual => ({
    zh: '请求被拒绝：它不是从本页面发出的（跨站请求防护）。请刷新页面后重试。',
    en: 'Request refused: it did not come from this page (cross-site request protection). Reload the page and try again.',
  }),
  jsonRequired: (): Bilingual => ({
    zh: '登录请求须以 JSON 格式（content-type: application/json）发送。',
    en: 'The sign-in request must be sent as JSON (content-type: application/json).',
  }),
  badRequest: (): Bilingual => ({
    zh: '请求格式不正确：需要 JSON 对象 { "name": 用户名, "password": 密码 }。',
    en: 'Malformed request: a JSON object { "name": …, "password": … } is expected.',
  }),
  tooLarge: (): Bilingual => ({
    zh: '登录请求过大。',
    en: 'The sign-in request is too large.',
  }),
  badQuery: (): Bilingual => ({
    zh: '参数不正确：limit 须为 1–500 的整数，before 须为正整数。',
    en: 'Bad parameters: limit must be a whole number from 1 to 500, before a positive whole number.',
  }),
  unavailable: (): Bilingual => ({
    zh: '数据库暂时无法访问，请稍后重试。',
    en: 'The database cannot be reached just now. Try again shortly.',
  }),
  internal: (): Bilingual => ({
    zh: '服务器内部错误，已记录在服务日志中。',
    en: 'Internal server error; it has been written to the service log.',
  }),
};

export const adminError = (code: string, message: Bilingual): AdminError => ({
  error: { code, message },
});
