import { Card, Statistic } from 'antd';
import { Link } from 'react-router';

/** A count that opens the ledger filtered to what it counts. */
export function StatCard({ title, value, color, to, loading }: { title: string; value: number | undefined; color?: string; to: string; loading?: boolean }) {
  return (
    <Link to={to} aria-label={`${title}：${value ?? '…'}，查看台账`}>
      <Card size="small" hoverable loading={loading && value === undefined}>
        <Statistic title={title} value={value ?? 0} styles={{ content: { color, fontWeight: 600 } }} />
      </Card>
    </Link>
  );
}
