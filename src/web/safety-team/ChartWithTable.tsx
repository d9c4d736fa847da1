import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  key: string;
  label: string;
  /** A token from design/tokens.css; each series also has its own name in the legend and the table. */
  color: string;
}

/**
 * A bar chart and the same numbers as a table beside it (WCAG 1.1.1: the
 * chart is an image with a text summary; the table is the accessible, exact
 * form, shown to everyone). Colour is never the only cue: the legend and the
 * table name every series.
 */
type Row = Record<string, string | number | null>;

export function ChartWithTable({
  id,
  title,
  summary,
  rows,
  category,
  categoryLabel,
  series,
  format = (value) => (value === null ? '—' : String(value)),
  tickLabel = (value) => value,
}: {
  id: string;
  title: string;
  summary: string;
  rows: readonly Row[];
  category: string;
  categoryLabel: string;
  series: readonly ChartSeries[];
  format?: (value: string | number | null) => ReactNode;
  /** A shorter name under a bar when the full one would not fit (the table keeps the full one). */
  tickLabel?: (value: string) => string;
}) {
  return (
    // A table with many columns goes under its chart rather than beside it.
    <section className={series.length > 2 ? 'figure figure--stacked' : 'figure'} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="figure__title">
        {title}
      </h2>
      <div className="figure__body">
        <div className="figure__chart" role="img" aria-label={`${title}: ${summary}`}>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={[...rows]} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid stroke="var(--color-border)" vertical={false} />
              <XAxis
                dataKey={category}
                interval={rows.length <= 6 ? 0 : 'preserveStartEnd'}
                tickFormatter={(value: string) => tickLabel(String(value))}
                stroke="var(--color-text-muted)"
                tick={{ fill: 'var(--color-text-muted)', fontSize: 13 }}
              />
              <YAxis allowDecimals={false} stroke="var(--color-text-muted)" tick={{ fill: 'var(--color-text-muted)', fontSize: 13 }} width={36} />
              {series.length > 1 ? (
                <Legend formatter={(value: string) => <span className="figure__legend-text">{value}</span>} />
              ) : null}
              {series.map((item) => (
                <Bar key={item.key} dataKey={item.key} name={item.label} fill={item.color} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        {/* Focusable so that a keyboard can scroll a table wider than a phone (WCAG 2.1.1). */}
        <div className="figure__table-wrap" tabIndex={0} role="region" aria-label={`${title}, as a table`}>
          <table className="figure__table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryLabel}</th>
                {series.map((item) => (
                  <th scope="col" key={item.key}>
                    {item.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={String(row[category])}>
                  <th scope="row">{row[category]}</th>
                  {series.map((item) => (
                    <td key={item.key}>{format(row[item.key] ?? null)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
