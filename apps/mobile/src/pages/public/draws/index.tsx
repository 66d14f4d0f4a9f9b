import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { CheckpointCard } from '../../../features/audit-checkpoints/CheckpointCard';
import { PublicDrawRow } from '../../../features/draws/PublicDrawRow';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/draws/public-pages.css';

/** 抽查结果公示 (一公开): every draw, for anyone, without login. */
export default function PublicDrawsPage() {
  const draws = useRequest(() => api.listPublicDraws().then((page) => page.items), []);

  return (
    <Page title="双随机抽查结果公示" backTo="/pages/index/index" testId="public-draws">
      <Card>
        <Text className="pd-intro">
          每次抽查先公布随机种子承诺值和输入数据摘要，再揭示种子并公示抽中企业及检查结果；任何人都可下载输入数据自行复核。
        </Text>
      </Card>
      <CheckpointCard intro="执法打卡、评价与抽查的审计日志每小时签名一次。任何人都可复制保存检查点，日后用公布的公钥核对审计日志未被回退或重算。" />
      <Pending loading={draws.loading && !draws.data} error={draws.error} onRetry={draws.reload} />
      {draws.data?.length === 0 && <EmptyText>暂无公示的抽查。</EmptyText>}
      {draws.data?.map((draw) => (
        <PublicDrawRow
          key={draw.id}
          draw={draw}
          onOpen={() => void Taro.navigateTo({ url: `/pages/public/draw/index?id=${draw.id}` })}
        />
      ))}
    </Page>
  );
}
