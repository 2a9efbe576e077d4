import { fractionalBitsOf } from '../../contract/analysis/field-encoding.ts';
import { rowCapOf } from '../../contract/input/row-cap.ts';
import type { AnalysisResult } from '../sdk/fetch-result.ts';
import type { Collaboration, Input, Participation } from '../sdk/api-models.ts';

/** Human-readable renderings of the API's answers: plain text for a terminal, no colours. */

export function formatCollaboration(collaboration: Collaboration): string {
  const recipients = collaboration.resultRecipients;
  const lines = [
    `${collaboration.name} (${collaboration.collaborationId})`,
    ...(collaboration.description ? [`  ${collaboration.description}`] : []),
    `  status        ${collaboration.status}${collaboration.statusReason ? `: ${collaboration.statusReason}` : ''}`,
    `  owner         ${collaboration.ownerId}`,
    `  participants  ${collaboration.participantCount} joined, ${collaboration.completedInputCount} inputs (min ${collaboration.minParticipants}, max ${collaboration.maxParticipants})${collaboration.excludedInputCount ? `, ${collaboration.excludedInputCount} excluded` : ''}`,
    ...(collaboration.inviteOnly
      ? [`  invited       ${collaboration.participants?.join(', ') ?? 'invited clients only'}`]
      : []),
    `  deadline      ${collaboration.inputDeadline}`,
    `  recipients    ${recipients === 'all-participants' ? 'all participants' : recipients.join(', ')}`,
    '  fields',
    ...collaboration.inputSchema.fields.map((field) => `    ${describeField(field)}`),
    '  analyses',
    ...collaboration.analyses.map((analysis) => `    ${describeAnalysis(analysis)}`),
    ...releaseLines(collaboration),
  ];
  return `${lines.join('\n')}\n`;
}

type Field = Collaboration['inputSchema']['fields'][number];
type Analysis = Collaboration['analyses'][number];

function describeField(field: Field): string {
  if (field.type === 'category') return `${field.name}: category of ${field.categories.join(', ')}`;
  const bits = field.type === 'fixed' ? ` (${fractionalBitsOf(field)} fractional bits)` : '';
  const bounds =
    field.min !== undefined || field.max !== undefined
      ? ` in [${field.min ?? '-inf'}, ${field.max ?? 'inf'}]`
      : '';
  return `${field.name}: ${field.type}${bits}${bounds}`;
}

function describeAnalysis(analysis: Analysis): string {
  const parameter =
    analysis.binEdges !== undefined
      ? ` edges ${analysis.binEdges.join(', ')}`
      : analysis.threshold !== undefined
        ? ` threshold ${analysis.threshold}`
        : analysis.p !== undefined
          ? ` p ${analysis.p}`
          : '';
  const grouped = analysis.groupBy === undefined ? '' : ` by ${analysis.groupBy}`;
  return `${analysisLabel(analysis.kind, analysis.field)}${parameter}${grouped}`;
}

function analysisLabel(kind: string, field: string | undefined): string {
  return kind === 'count' ? 'count' : `${kind}(${field ?? 'every field'})`;
}

/** One collaboration per line, aligned columns, newest first as the API lists them. */
export function formatCollaborationTable(collaborations: readonly Collaboration[]): string {
  if (collaborations.length === 0) return 'no collaborations\n';
  const rows = [
    ['ID', 'STATUS', 'JOINED', 'INPUTS', 'DEADLINE', 'NAME'],
    ...collaborations.map((c) => [
      c.collaborationId,
      c.status,
      `${c.participantCount}/${c.maxParticipants}`,
      `${c.completedInputCount}/${c.minParticipants}`,
      c.inputDeadline,
      c.name,
    ]),
  ];
  return formatTable(rows);
}

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

export function formatParticipation(participation: Participation): string {
  const input = participation.input
    ? `, input ${participation.input.inputId} ${participation.input.status}` +
      (participation.input.exclusionReason ? ` (excluded: ${participation.input.exclusionReason})` : '')
    : '';
  return `${participation.clientId} in ${participation.collaborationId}: ${participation.status}${input}\n`;
}

export function formatInput(input: Input, rowCount: number): string {
  return `input ${input.inputId} ${input.status} (${rowCount} rows)\n`;
}

/**
 * The reconstructed statistics, one per line: label, value, and what it covers. With the collaboration's
 * fields, each figure of a fixed-point field with f fractional bits is rounded to `decimalsFor(f)` decimals,
 * what its encoding can tell (integers are encoded exactly; the exact value stays in --json).
 */
export function formatResults(
  results: readonly AnalysisResult[],
  fields: readonly Field[] = [],
  release: { minCellSize?: number } = {},
): string {
  const rows: string[][] = [['ANALYSIS', 'VALUE', 'ROWS']];
  for (const result of results) {
    const label = analysisLabel(result.kind, result.field);
    const field = fields.find((candidate) => candidate.name === result.field);
    const decimals =
      field?.type !== 'fixed' || COUNT_KINDS.includes(result.kind)
        ? undefined
        : decimalsFor(fractionalBitsOf(field));
    if (result.bins) {
      const edges = result.binEdges ?? [];
      result.bins.forEach((count, index) =>
        rows.push([
          `${label} ${binLabel(edges, index)}`,
          // A suppressed bin: all anyone learns is that it held fewer than k rows.
          count === null ? `< ${release.minCellSize ?? 'k'}` : String(count),
          '',
        ]),
      );
      continue;
    }
    const threshold =
      result.threshold !== undefined
        ? ` ${result.kind === 'countAbove' ? '>' : '<'} ${result.threshold}`
        : result.p !== undefined
          ? ` p=${result.p}`
          : '';
    if (result.groups) {
      // One line per category: the cell's figure and its rows; a suppressed cell, like a bin, only "< k".
      for (const group of result.groups)
        rows.push([
          `${label}${threshold} ${result.groupBy}=${group.category}`,
          group.suppressed === true
            ? `< ${release.minCellSize ?? 'k'}`
            : formatNumber(group.value, result.kind === 'count' ? undefined : decimals),
          group.count === undefined ? '' : String(group.count),
        ]);
      continue;
    }
    rows.push([
      `${label}${threshold}`,
      formatNumber(result.value, decimals),
      result.count === undefined ? '' : String(result.count),
    ]);
  }
  return formatTable(rows);
}

/** Minimum cell size, privacy budget, what the released result spent of it and the declared row cap. */
function releaseLines(collaboration: Collaboration): string[] {
  const { minCellSize, privacy, privacySpent, maxRowsPerParticipant } = collaboration;
  return [
    ...(maxRowsPerParticipant === undefined
      ? []
      : [`  row cap       ${maxRowsPerParticipant} rows per participant`]),
    ...(minCellSize === undefined
      ? []
      : [`  min cell size ${minCellSize} (smaller histogram bins and group-by cells suppressed)`]),
    ...(privacy === undefined
      ? []
      : [`  privacy       epsilon ${privacy.epsilon}, delta ${privacy.delta} (discrete Laplace noise)`]),
    ...(privacySpent === undefined
      ? []
      : [
          `  spent         epsilon ${privacySpent.epsilon}, delta ${privacySpent.delta} (job ${privacySpent.jobId})`,
        ]),
  ];
}

/** With differential privacy, a note under the figures: they are noisy, and how. */
export function formatPrivacyNote(
  collaboration: Pick<Collaboration, 'privacy' | 'maxRowsPerParticipant'>,
): string {
  if (collaboration.privacy === undefined) return '';
  return (
    `every figure has discrete Laplace noise: epsilon ${collaboration.privacy.epsilon} split evenly over the figures, ` +
    `sensitivity from at most ${rowCapOf(collaboration)} rows per participant (scales in --json)\n`
  );
}

/** The rows the servers dropped as invalid (values outside the bounds, excluded inputs), when there are any. */
export function formatDroppedRows(droppedRows: number, ownDroppedRows: number): string {
  if (droppedRows === 0) return '';
  return `rows dropped as invalid: ${droppedRows} in all, ${ownDroppedRows} of your input\n`;
}

/** Histogram bins are (-inf, e0), [e0, e1), ..., [e_last, +inf). */
export function binLabel(edges: readonly number[], index: number): string {
  if (index === 0) return `(-inf, ${edges[0]})`;
  if (index === edges.length) return `[${edges[index - 1]}, +inf)`;
  return `[${edges[index - 1]}, ${edges[index]})`;
}

const COUNT_KINDS: readonly string[] = ['count', 'countAbove', 'countBelow', 'histogram'];

/**
 * Decimals that show what f fractional bits can tell: the fewest d with 10^-d <= 2^-f, d = ceil(f log10 2)
 * (8 bits: 3 decimals, 16 bits: 5, integers: none).
 */
export function decimalsFor(fractionalBits: number): number {
  return Math.max(0, Math.ceil(fractionalBits * Math.log10(2) - 1e-9));
}

/**
 * Up to 12 significant digits: enough for fixed point, without float noise such as 0.30000000000000004;
 * with `decimals`, rounded to that many decimals first, trailing zeros dropped.
 */
export function formatNumber(value: number | null | undefined, decimals?: number): string {
  if (value === null || value === undefined) return '-';
  const rounded = decimals === undefined ? value : Number(value.toFixed(decimals));
  return String(Number(rounded.toPrecision(12)));
}
