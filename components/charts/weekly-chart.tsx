// A bar chart of one or two weekly series, drawn on the server as SVG (no script, no library).
// Readable without colour: the first series is solid, the second hatched and outlined, every bar
// carries its value, and the legend shows the same fills. Screen readers get the title and a
// summary (<title>, <desc>), then the figures as a table.

export interface WeeklySeries {
  name: string;
  values: number[];
}

export interface WeeklyChartProps {
  /** Unique on the page: names the SVG's title, description and pattern. */
  id: string;
  title: string;
  description: string;
  /** One label per week, short under the bars (« 3 mars ») and long in the table. */
  weeks: { short: string; long: string }[];
  series: [WeeklySeries] | [WeeklySeries, WeeklySeries];
}

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 44, right: 12, bottom: 36, left: 40 };
const INK = "#334155";

const number = (value: number) => value.toLocaleString("fr-FR");

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value)! * power;
  return step;
}

export function WeeklyChart({ id, title, description, weeks, series }: WeeklyChartProps) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  // Four or five steps of a whole size: 0, 10, 20… 50.
  const steps = [5, 4, 2].find((n) => max % n === 0) ?? 1;
  const ticks = Array.from({ length: steps + 1 }, (_, i) => (max / steps) * i);
  const group = plotWidth / Math.max(1, weeks.length);
  const barWidth = Math.min(22, (group - 8) / series.length);
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const fills = [INK, `url(#${id}-hatch)`];

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-3xl" fontFamily="inherit">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={INK} strokeWidth="2.5" />
          </pattern>
        </defs>
        {/* Legend: the same fills as the bars, with the series' names. */}
        {series.map((s, i) => (
          <g key={s.name} transform={`translate(${MARGIN.left + i * 200}, 12)`}>
            <rect width="16" height="16" fill={fills[i]} stroke={INK} strokeWidth="1.5" />
            <text x="22" y="13" fontSize="13" fill="#0f172a">
              {s.name}
            </text>
          </g>
        ))}
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#cbd5e1" strokeDasharray={tick === 0 ? undefined : "3 3"} />
            <text x={MARGIN.left - 6} y={y(tick) + 4} fontSize="11" textAnchor="end" fill="#475569">
              {number(tick)}
            </text>
          </g>
        ))}
        {weeks.map((week, w) => {
          const left = MARGIN.left + w * group + (group - barWidth * series.length) / 2;
          return (
            <g key={week.long}>
              {series.map((s, i) => {
                const value = s.values[w] ?? 0;
                const x = left + i * barWidth;
                const top = y(value);
                return (
                  <g key={s.name}>
                    <rect x={x} y={top} width={barWidth - 2} height={MARGIN.top + plotHeight - top} fill={fills[i]} stroke={INK} strokeWidth="1.5" />
                    <text x={x + (barWidth - 2) / 2} y={top - 4} fontSize="10" textAnchor="middle" fill="#0f172a">
                      {number(value)}
                    </text>
                  </g>
                );
              })}
              <text x={MARGIN.left + w * group + group / 2} y={HEIGHT - MARGIN.bottom + 16} fontSize="11" textAnchor="middle" fill="#334155">
                {week.short}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Semaine</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={week.long}>
              <th scope="row">{week.long}</th>
              {series.map((s) => (
                <td key={s.name}>{number(s.values[w] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
