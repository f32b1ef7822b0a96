import { Button, Result } from 'antd';
import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，或已被移动。"
      extra={
        <Link to="/">
          <Button type="primary">回到工作台</Button>
        </Link>
      }
    />
  );
}
