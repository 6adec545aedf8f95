/**
 * The report pack as a Word document (opens in Word and WPS): cover, numbered figures with
 * image, caption and summary, and each figure's data table. Loaded on demand only.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IRunOptions } from 'docx';
import { translator } from '@/lib/i18n';
import type { ReportMeta, ReportSection } from './report-model';
import { coverLines, demoNotice, figureLabel } from './report-model';

const FONT = { ascii: 'Arial', eastAsia: 'Microsoft YaHei', hAnsi: 'Arial' };
const PAGE_WIDTH_PX = 600; // A4 portrait text width at 96 dpi, with normal margins

function text(
  value: string,
  opts: { bold?: boolean; size?: number; color?: string } = {},
): TextRun {
  // Typed first: TextRun also accepts a plain string, whose deprecated String#bold would match.
  const options: IRunOptions = {
    text: value,
    font: FONT,
    bold: opts.bold,
    size: opts.size,
    color: opts.color,
  };
  return new TextRun(options);
}

function dataTable(
  rowHeader: string,
  columns: string[],
  rows: { header: string; cells: string[] }[],
): Table {
  const cell = (value: string, bold = false) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [text(value, { bold, size: 16 })],
          alignment: AlignmentType.CENTER,
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [cell(rowHeader, true), ...columns.map((c) => cell(c, true))],
      }),
      ...rows.map(
        (r) => new TableRow({ children: [cell(r.header, true), ...r.cells.map((c) => cell(c))] }),
      ),
    ],
  });
}

export async function buildDocx(meta: ReportMeta, sections: ReportSection[]): Promise<Blob> {
  const t = translator(meta.lang);
  const cover: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [text(meta.title, { bold: true, size: 40 })],
    }),
    ...(meta.demo
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [text(demoNotice(meta.lang), { bold: true, color: 'B93A0B', size: 24 })],
          }),
        ]
      : []),
    ...coverLines(meta).map(
      (line) =>
        new Paragraph({ alignment: AlignmentType.CENTER, children: [text(line, { size: 22 })] }),
    ),
  ];
  const body: (Paragraph | Table)[] = [];
  for (const section of sections) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [text(section.title, { bold: true, size: 32 })],
      }),
    );
    for (const fig of section.figures) {
      const scale = PAGE_WIDTH_PX / fig.width;
      const caption = `${figureLabel(fig.number, meta.lang)}  ${fig.spec.title}`;
      body.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
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
          keepNext: true,
          children: [text(caption, { bold: true, size: 21 })],
        }),
        new Paragraph({ children: [text(fig.spec.subtitle, { size: 18, color: '5B6472' })] }),
        ...(fig.spec.summary
          ? [
              new Paragraph({
                spacing: { after: 120 },
                children: [text(fig.spec.summary, { size: 21 })],
              }),
            ]
          : []),
        ...[...fig.spec.notes, ...fig.spec.captionLines].map(
          (line) => new Paragraph({ children: [text(line, { size: 16, color: '5B6472' })] }),
        ),
        new Paragraph({
          keepNext: true,
          spacing: { before: 120 },
          children: [text(t('report.dataTable', { caption }), { bold: true, size: 18 })],
        }),
        dataTable(fig.spec.table.rowHeader, fig.spec.table.columns, fig.spec.table.rows),
        new Paragraph({ spacing: { after: 240 }, children: [] }),
      );
    }
  }
  const doc = new Document({
    creator: t('app.title'),
    title: meta.title,
    description: meta.filters,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [{ children: [...cover, ...body] }],
  });
  return Packer.toBlob(doc);
}
