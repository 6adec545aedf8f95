/**
 * The report pack as a Word document an office can file (opens in Word and WPS), laid out
 * after GB/T 9704 (the national format of official documents): A4 with 37/35/28/26 mm
 * margins, the title in 方正小标宋简体 (黑体 where it is missing), headings in 黑体, text in
 * 仿宋 (宋体 where it is missing) at 三号 on a 28 pt line, page numbers "— 1 —" in 宋体 四号,
 * right on odd pages and left on even ones. Order: cover (title, scope, source and as-of
 * once), contents, 指标完成情况表, then the figures numbered 图1…N with summary, notes and
 * data table, and a closing note. Loaded on demand only.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IRunOptions } from 'docx';
import { translator } from '@/lib/i18n';
import { withFontFallbacks } from './docx-fonts';
import type { FontChoice } from './docx-fonts';
import type { ReportMeta, ReportSection, ReportTable } from './report-model';
import { coverLines, demoNotice, figureLabel } from './report-model';

const LATIN = 'Times New Roman';
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '黑体' },
  heading: { name: '黑体', fallback: 'SimHei' },
  body: { name: '仿宋', fallback: '宋体' },
  table: { name: '宋体', fallback: 'SimSun' },
} as const satisfies Record<string, FontChoice>;
type FontKey = keyof typeof FONTS;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { er: 44, san: 32, si: 28, xiaosi: 24, wu: 21, xiaowu: 18 } as const;
const MM = 56.7; // twips per millimetre
/** Text width: 210 − 28 − 26 = 156 mm, in CSS pixels at 96 dpi. */
const TEXT_WIDTH_PX = Math.round((156 / 25.4) * 96);
/** A fixed 28 pt line for text (never for images, which an exact line would clip). */
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT };
const MUTED = '5B6472';

function text(
  value: string,
  opts: { font?: FontKey; bold?: boolean; size?: number; color?: string } = {},
): TextRun {
  const name = FONTS[opts.font ?? 'body'].name;
  // Typed first: TextRun also accepts a plain string, whose deprecated String#bold would match.
  const options: IRunOptions = {
    text: value,
    font: { eastAsia: name, ascii: LATIN, hAnsi: LATIN },
    bold: opts.bold,
    size: opts.size ?? SIZE.san,
    color: opts.color,
  };
  return new TextRun(options);
}

const para = (value: string, opts: Parameters<typeof text>[1] = {}) =>
  new Paragraph({ spacing: BODY_LINE, children: [text(value, opts)] });

function heading(value: string, level: 1 | 2, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    pageBreakBefore,
    keepNext: true,
    spacing: { before: level === 1 ? 240 : 160, after: 120 },
    children: [text(value, { font: 'heading', size: level === 1 ? SIZE.san : SIZE.si })],
  });
}

function tableCell(
  value: string,
  opts: {
    bold?: boolean;
    span?: number;
    shade?: boolean;
    align?: 'left' | 'center';
    width?: number;
    keepNext?: boolean;
  } = {},
) {
  return new TableCell({
    columnSpan: opts.span,
    width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined,
    shading: opts.shade ? { type: ShadingType.CLEAR, fill: 'EEF2F7', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        keepNext: opts.keepNext,
        alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [text(value, { font: 'table', bold: opts.bold, size: SIZE.xiaowu })],
      }),
    ],
  });
}

/** Text width in twips (156 mm). */
const TEXT_WIDTH_TWIPS = Math.round(156 * MM);

function grid(
  headers: string[],
  rows: { group?: string | null; cells: string[] }[],
  /** The first column's share of the width (names); the rest share what is left. */
  firstShare?: number,
): Table {
  const first = firstShare && Math.round(TEXT_WIDTH_TWIPS * firstShare);
  const columnWidths =
    first && headers.length > 1
      ? [
          first,
          ...headers
            .slice(1)
            .map(() => Math.floor((TEXT_WIDTH_TWIPS - first) / (headers.length - 1))),
        ]
      : undefined;
  const out: TableRow[] = [
    new TableRow({
      tableHeader: true,
      children: headers.map((h, i) =>
        tableCell(h, { bold: true, shade: true, width: columnWidths?.[i] }),
      ),
    }),
  ];
  let group: string | null = null;
  for (const row of rows) {
    if (row.group && row.group !== group)
      out.push(
        new TableRow({
          cantSplit: true,
          children: [
            tableCell(row.group, {
              bold: true,
              span: headers.length,
              align: 'left',
              keepNext: true,
            }),
          ],
        }),
      );
    group = row.group ?? null;
    out.push(
      new TableRow({
        cantSplit: true,
        children: row.cells.map((c, i) =>
          tableCell(c, {
            bold: i === 0,
            align: i === 0 ? 'left' : 'center',
            width: columnWidths?.[i],
          }),
        ),
      }),
    );
  }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths,
    rows: out,
  });
}

function cover(meta: ReportMeta): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 480 },
      children: [text(meta.title, { font: 'title', size: SIZE.er })],
    }),
    ...(meta.demo
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [text(demoNotice(meta.lang), { bold: true, color: 'B93A0B', size: SIZE.si })],
          }),
        ]
      : []),
    ...coverLines(meta).map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: BODY_LINE,
          children: [text(line, { size: SIZE.si })],
        }),
    ),
  ];
}

function completionPage(table: ReportTable): (Paragraph | Table)[] {
  return [
    heading(table.title, 1, true),
    new Paragraph({
      spacing: { after: 120 },
      children: [text(table.subtitle, { size: SIZE.wu, color: MUTED })],
    }),
    grid(table.headers, table.rows, 0.2),
    ...table.notes.map(
      (n) =>
        new Paragraph({
          spacing: { before: 80 },
          children: [text(n, { font: 'table', size: SIZE.xiaowu, color: MUTED })],
        }),
    ),
  ];
}

function figures(sections: ReportSection[], lang: ReportMeta['lang']): (Paragraph | Table)[] {
  const t = translator(lang);
  const body: (Paragraph | Table)[] = [];
  let group: string | undefined;
  for (const section of sections) {
    // Sections of one kind sit under their group's heading (八严工作 › 严打); others stand alone.
    if (section.group && section.group !== group) body.push(heading(section.group, 1, true));
    group = section.group;
    body.push(section.group ? heading(section.title, 2, true) : heading(section.title, 1, true));
    for (const fig of section.figures) {
      const scale = TEXT_WIDTH_PX / fig.width;
      const caption = `${figureLabel(fig.number, lang)}  ${fig.spec.title}`;
      body.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 240 },
          children: [
            new ImageRun({
              type: 'png',
              data: fig.png,
              transformation: {
                width: Math.round(fig.width * scale),
                height: Math.round(fig.height * scale),
              },
              altText: { name: caption, title: caption, description: fig.spec.summary || caption },
            }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 120 },
          children: [text(caption, { font: 'heading', size: SIZE.xiaosi })],
        }),
        ...(fig.spec.summary ? [para(fig.spec.summary)] : []),
        ...fig.spec.notes.map(
          (line) =>
            new Paragraph({
              children: [text(line, { font: 'table', size: SIZE.xiaowu, color: MUTED })],
            }),
        ),
        new Paragraph({
          keepNext: true,
          spacing: { before: 160, after: 80 },
          children: [text(t('report.dataTable', { caption }), { font: 'heading', size: SIZE.wu })],
        }),
        grid(
          [fig.spec.table.rowHeader, ...fig.spec.table.columns],
          fig.spec.table.rows.map((r) => ({ cells: [r.header, ...r.cells] })),
        ),
      );
    }
  }
  return body;
}

/** Source, as-of date and the demo mark said once at the end (and on the cover), not under every figure. */
function closingNote(meta: ReportMeta): Paragraph[] {
  const t = translator(meta.lang);
  return [
    heading(t('report.closing'), 1, true),
    ...(meta.demo ? [para(demoNotice(meta.lang), { bold: true, color: 'B93A0B' })] : []),
    ...coverLines(meta).map((line) => para(line)),
    para(t('report.closingFigures')),
  ];
}

function pageNumberFooter(align: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: FONTS.table.name, ascii: FONTS.table.name, hAnsi: FONTS.table.name },
            size: SIZE.si,
          }),
        ],
      }),
    ],
  });
}

export async function buildDocx(
  meta: ReportMeta,
  sections: ReportSection[],
  table: ReportTable | null,
): Promise<Blob> {
  const t = translator(meta.lang);
  const headingStyle = (id: string, name: string, size: number) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: {
      font: { eastAsia: FONTS.heading.name, ascii: LATIN, hAnsi: LATIN },
      size,
      bold: false,
      color: '000000',
    },
  });
  const doc = new Document({
    creator: t('app.title'),
    title: meta.title,
    description: meta.filters,
    evenAndOddHeaderAndFooters: true,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: FONTS.body.name, ascii: LATIN, hAnsi: LATIN }, size: SIZE.san },
        },
      },
      paragraphStyles: [
        headingStyle('Heading1', 'Heading 1', SIZE.san),
        headingStyle('Heading2', 'Heading 2', SIZE.si),
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              footer: Math.round(20 * MM),
            },
            pageNumbers: { start: 0 },
          },
        },
        footers: {
          first: new Footer({ children: [] }),
          default: pageNumberFooter('right'),
          even: pageNumberFooter('left'),
        },
        children: [
          ...cover(meta),
          new Paragraph({
            pageBreakBefore: true,
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [text(t('report.contents'), { font: 'heading', size: SIZE.san })],
          }),
          new TableOfContents(t('report.contents'), { hyperlink: true, headingStyleRange: '1-2' }),
          ...(table ? completionPage(table) : []),
          ...figures(sections, meta.lang),
          ...closingNote(meta),
        ],
      },
    ],
  });
  const blob = await Packer.toBlob(doc);
  return withFontFallbacks(blob, Object.values(FONTS));
}
