import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { config11, config11Suppressed, serve11 } from '@/test/dataset-11';
import { findKpiSection, renderApp, startDemoServer } from '@/test/render-app';

startDemoServer();

const card = (name: string | RegExp) => screen.getByRole('article', { name });
const total = (name: string | RegExp) => card(name).querySelector('.kpi-card__total');

function renderAppWith(url: string, config = config11) {
  serve11();
  return renderApp(url, config);
}

async function show(url: string, config = config11) {
  renderAppWith(url, config);
  await findKpiSection();
}

describe('campaign totals on the cards', () => {
  it('sums a flow, takes a cumulative figure’s last year, and never totals a rate or an unknown', async () => {
    await show('/?district=d');
    // 2017–2019: 100 + 60 (provisional) + 40.
    expect(total('新发现吸毒人员')).toHaveTextContent(/^2017–2019年合计 200人含初步数据$/);
    expect(total('累计投入经费')).toHaveTextContent(/^2017–2019年累计 2,968万元$/);
    expect(total('吸毒人员占比')).toBeNull();
    expect(total('破获案件')).toBeNull();
  });

  it('names the years of a running campaign, in English too', async () => {
    await show('/?district=d&year=2018&lang=en');
    expect(total('Newly identified drug users')).toHaveTextContent(
      /^2017–2018 total 160 peopleincludes provisional figures$/,
    );
    expect(total('Funding to date')).toHaveTextContent(/^2017–2018 cumulative 12 million yuan$/);
  });

  it('gives no total when a campaign year is withheld or suppressed, and says which', async () => {
    await show('/?district=d&town=t1');
    expect(total('新发现吸毒人员')).toHaveTextContent(/^2017–2019年合计 —2018年保密，不合计$/);
    screen.getByRole('article', { name: '新发现吸毒人员' });
  });

  it('never reveals a suppressed small count through the total', async () => {
    await show('/?district=d&town=t1', config11Suppressed);
    const newUsers = card('新发现吸毒人员');
    expect(within(newUsers).getByText('<5')).toBeInTheDocument();
    expect(total('新发现吸毒人员')).toHaveTextContent(
      /^2017–2019年合计 —2018年保密，2019年小于5（隐私保护），不合计$/,
    );
    expect(newUsers).not.toHaveTextContent(/\b(3|23)人/);
  });
});

describe('kinds of missing on the cards', () => {
  it('marks a withheld figure apart from a plain gap, with the cell’s note', async () => {
    await show('/?district=d&town=t1&year=2018');
    const newUsers = card('新发现吸毒人员');
    expect(newUsers.querySelector('.kpi-card__missing')).toHaveTextContent(/^—保密$/);
    expect(newUsers.querySelector('.kpi-card__footer')).toHaveTextContent('人数过少');
    // The only missing year is the one shown: the card's "—" says it already.
    expect(total('新发现吸毒人员')).toBeNull();
    // No record and no reason: today's words.
    expect(card('破获案件').querySelector('.kpi-card__missing')).toHaveTextContent(/^暂无数据$/);
  });

  it('marks not applicable and not reported in English', async () => {
    await show('/?district=d&town=t1&year=2016&lang=en');
    expect(card('Funding to date').querySelector('.kpi-card__missing')).toHaveTextContent(
      /^—not applicable$/,
    );
  });
});

describe('the completion table', () => {
  it('shows the campaign total column and each kind of missing with its footnote', async () => {
    await show('/?district=d&town=t1&year=2018');
    const table = await screen.findByRole('table', { name: /指标完成情况表/ });
    expect(
      within(table).getByRole('columnheader', { name: '大会战合计（2017–2018年）' }),
    ).toBeVisible();
    const row = within(table).getByRole('row', { name: /新发现吸毒人员/ });
    expect(row).toHaveTextContent('—（保密，人数过少）');
    // The total is missing only for want of 2018, whose own cell says why: not repeated.
    expect(row).not.toHaveTextContent('不合计');
    const funding = within(table).getByRole('row', { name: /累计投入经费/ });
    expect(funding).toHaveTextContent('—');
    expect(screen.getByText(/“—（保密）”：数据涉密，不予公开/)).toBeInTheDocument();
  });
});

describe('the completion table in a later year', () => {
  it('says why a total is missing when another year is the gap', async () => {
    await show('/?district=d&town=t1&year=2019');
    const table = await screen.findByRole('table', { name: /指标完成情况表/ });
    const row = within(table).getByRole('row', { name: /新发现吸毒人员/ });
    expect(row).toHaveTextContent('—（2018年保密，不合计）');
  });
});

describe('validity years', () => {
  it('a link naming a merged township for a later year reads as an ignored parameter, not an empty panel', async () => {
    await show('/?district=d&town=t2&year=2019');
    expect(
      screen.getByText('链接中的 town=t2（西镇）在2019年不存在（2017年后撤并），已忽略。'),
    ).toBeInTheDocument();
    // The district's cards instead.
    expect(
      screen.getByRole('heading', { level: 2, name: /重点指标甲区 · 2019年/ }),
    ).toBeInTheDocument();
    expect(card('新发现吸毒人员')).toHaveTextContent('40');
  });

  it('the township picker lists only townships that existed in the year shown', async () => {
    const { user } = renderAppWith('/?district=d&year=2019');
    await findKpiSection();
    const picker = screen.getByRole('group', { name: '镇/街道' });
    expect(
      within(picker)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')?.textContent),
    ).toEqual(['东镇', '新西镇']);
    await user.selectOptions(screen.getByRole('combobox', { name: '年份' }), '2016');
    await screen.findByRole('checkbox', { name: '西镇' });
    expect(
      within(screen.getByRole('group', { name: '镇/街道' }))
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')?.textContent),
    ).toEqual(['东镇', '西镇']);
  });
});
