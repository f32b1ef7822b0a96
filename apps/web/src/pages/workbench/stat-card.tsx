import { Card, Statistic } from 'antd';
import { Link } from 'react-router';

/** A count that opens the ledger filtered to what it counts (`capped`: the API stopped counting there, shown as 1000+). */
export function StatCard({ title, value, capped, color, to, loading }: { title: string; value: number | undefined; capped?: boolean | undefined; color?: string; to: string; loading?: boolean }) {
  return (
    <Link to={to} aria-label={`${title}：${value ?? '…'}${capped ? '+' : ''}，查看台账`}>
      <Card size="small" hoverable loading={loading && value === undefined}>
        <Statistic title={title} value={value ?? 0} suffix={capped ? '+' : undefined} styles={{ content: { color, fontWeight: 600 } }} />
      </Card>
    </Link>
  );
}
