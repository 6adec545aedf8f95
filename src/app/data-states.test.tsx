import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  brokenRecordCounts,
  findKpiSection,
  renderApp,
  scenarios,
  server,
  startDemoServer,
} from '@/test/render-app';

startDemoServer();

const kpiRegion = () => screen.findByRole('region', { name: /重点指标/ });
const rankRegion = () => screen.findByRole('region', { name: /考评排名/ });
const FIRST_IN_PROVINCE = '全省第1名（共19个）';

describe('failures and bad data', () => {
  it('shows a server error where the cards would be, with a retry, and still shows ranks', async () => {
    server.use(scenarios.serverError('observations'));
    const { user } = renderApp('/?district=460106&year=2019');
    const alert = await within(await kpiRegion()).findByRole('alert');
    expect(alert).toHaveTextContent('“observations” 数据加载失败');
    expect(alert).toHaveTextContent('HTTP 500');
    expect(alert).toHaveTextContent('The data service failed (demo scenario).');
    expect(within(await kpiRegion()).queryByRole('article')).not.toBeInTheDocument();
    expect(await within(await rankRegion()).findAllByText(FIRST_IN_PROVINCE)).toHaveLength(2);

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('article', { name: '新发现吸毒人员' })).toHaveTextContent('10');
    expect(within(await kpiRegion()).queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows a proxy's HTML error page as its title, not as markup", async () => {
    server.use(scenarios.htmlError('rankings'));
    renderApp('/');
    const alert = await within(await rankRegion()).findByRole('alert');
    expect(alert).toHaveTextContent('HTTP 502：502 Bad Gateway');
    expect(alert).not.toHaveTextContent('<center>');
    expect(await within(await kpiRegion()).findAllByRole('article')).toHaveLength(6);
  });

  it('leaves out broken records, says how many, and shows the rest', async () => {
    server.use(...scenarios.brokenRecords());
    const { user } = renderApp('/?district=460106&year=2019');
    const total = brokenRecordCounts.observations + brokenRecordCounts.rankings;
    const notice = await screen.findByRole('region', {
      name: `数据质量提示：${total} 条记录不符合接口约定，已略去`,
    });
    await findKpiSection();
    // The duplicate (value 11) comes after the published figure, which is kept.
    expect(screen.getByRole('article', { name: '新发现吸毒人员' })).toHaveTextContent('10人');
    expect(await within(await rankRegion()).findAllByText(FIRST_IN_PROVINCE)).toHaveLength(2);

    await user.click(within(notice).getByText(/数据质量提示/));
    const rows = within(notice).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(total);
    const nan = rows.find((r) => r.textContent.includes('drugs-seized · 460106001 · 2018'));
    expect(nan).toHaveTextContent('observations');
    expect(nan).toHaveTextContent('不是有限数值');
    expect(nan).toHaveTextContent('"NaN"');
    expect(rows.find((r) => r.textContent.includes('名次大于参评总数'))).toHaveTextContent(
      'rankings',
    );
  });

  it('shows a footnote carrying markup as plain text', async () => {
    server.use(...scenarios.brokenRecords());
    const { container } = renderApp('/?view=trends&indicator=new-users&district=460106');
    const figure = await screen.findByRole('figure', { name: /各区对比/ });
    expect(figure).toHaveTextContent('龙华区 2018: 说明<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });

  it('turns a malformed meta response into an error with a retry, not a blank page', async () => {
    server.use(scenarios.malformed('meta'));
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“meta” 数据加载失败');
    expect(alert).toHaveTextContent('服务器返回的内容不是 JSON 数据。');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('禁毒工作数据看板');
  });

  it('says which link parameter it did not recognise and shows the default instead', async () => {
    renderApp('/?district=nope&year=2019');
    expect(
      await screen.findByText('链接中的参数 district=nope 无法识别，已忽略。'),
    ).toBeInTheDocument();
    const section = await findKpiSection();
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('海口市 · 2019年');
  });

  it('has no notice when the link is fine', async () => {
    renderApp('/?district=460106');
    await findKpiSection();
    expect(screen.queryByText(/无法识别/)).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /数据质量提示/ })).not.toBeInTheDocument();
  });

  it('ignores a comparison year that is not before the year shown, and says so', async () => {
    renderApp('/?district=460106&year=2019&compare=2021');
    expect(await screen.findByText(/compare=2021/)).toBeInTheDocument();
    const card = await screen.findByRole('article', { name: '新发现吸毒人员' });
    expect(card).toHaveTextContent('较2016年（基线年）');
    expect(card).toHaveTextContent('▼ 93.4%');
  });
});
