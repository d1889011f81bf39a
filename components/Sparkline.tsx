/** A small inline chart of a statistic's dated values, with a text equivalent for screen readers. */
const WIDTH = 200;
const HEIGHT = 40;
const PAD = 4;

export function Sparkline({ points }: { points: { date: string; value: number; label: string }[] }) {
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / Math.max(1, points.length - 1);
  const y = (v: number) => HEIGHT - PAD - ((v - min) * (HEIGHT - 2 * PAD)) / span;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const description = points.map((p) => p.label).join('; ');
  return (
    <svg class="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Values over time: ${description}`}>
      <path d={path} fill="none" stroke="currentColor" stroke-width="2" />
      {points.map((p, i) => (
        <circle key={p.date} cx={x(i)} cy={y(p.value)} r="3" fill="currentColor">
          <title>{p.label}</title>
        </circle>
      ))}
    </svg>
  );
}
