import { TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

import { BadgeVerdictCard } from '../../../features/firm/BadgeVerdictCard';
import { useBadgeCheck } from '../../../features/firm/useBadgeCheck';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';

import './index.css';

const IS_H5 = process.env.TARO_ENV === 'h5';

/** 核验执法证: scan (or paste) the code on the officer's phone; offline check, then online. */
export default function VerifyBadgePage() {
  const user = useSession(['enterprise', 'officer', 'supervisor', 'admin']);
  const check = useBadgeCheck();
  if (!user) return <Page title="核验执法证">{null}</Page>;

  return (
    <Page title="核验执法证" backTo="/pages/firm/home/index" testId="verify-badge">
      <Text className="vb__note">请执法人员打开“电子执法证”，扫描其手机上的二维码。</Text>
      <Button
        type="primary"
        block
        className="vb__scan"
        data-testid="badge-scan"
        loading={check.busy}
        onClick={() => void check.scan()}
      >
        {IS_H5 ? '拍照识别执法证二维码' : '扫码核验'}
      </Button>

      <Card>
        <Text className="vb__label" id="badge-code-label">
          或粘贴 / 输入证码
        </Text>
        <TextArea
          className="vb__input"
          data-testid="badge-code-input"
          aria-labelledby="badge-code-label"
          value={check.text}
          maxLength={2000}
          placeholder="qb1.开头的证码"
          onChange={check.setText}
        />
        <Button
          fill="outline"
          block
          className="vb__verify"
          data-testid="badge-verify"
          onClick={check.verify}
        >
          核验
        </Button>
      </Card>

      {check.hint && (
        <View className="vb__hint" data-testid="badge-hint" role="alert">
          {check.hint}
        </View>
      )}
      {check.verdict && <BadgeVerdictCard verdict={check.verdict} />}
    </Page>
  );
}
