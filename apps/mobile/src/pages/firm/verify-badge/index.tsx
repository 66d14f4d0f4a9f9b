import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';

import { verifyBadgeText, type BadgeVerdict } from '../../../features/firm/badge';
import { BadgeVerdictCard } from '../../../features/firm/BadgeVerdictCard';
import { scanBadge } from '../../../features/firm/decode-photo';
import { useRoleGuard } from '../../../features/firm/session-guard';

import './index.css';

const HERE = '/pages/firm/verify-badge/index';

/** 核验执法证: scan (or paste) the code on the officer's phone; offline check, then online. */
export default function VerifyBadgePage() {
  const user = useRoleGuard(['enterprise', 'officer', 'supervisor', 'admin'], HERE);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<BadgeVerdict | null>(null);
  const [hint, setHint] = useState('');

  async function verify(code: string): Promise<void> {
    if (!code.trim()) {
      setHint('请先扫描执法人员手机上的电子执法证，或把证码粘贴到上面的输入框。');
      return;
    }
    setBusy(true);
    setHint('');
    setVerdict(null);
    try {
      setVerdict(await verifyBadgeText(code, new Date()));
    } finally {
      setBusy(false);
    }
  }

  async function scan(): Promise<void> {
    setHint('');
    const outcome = await scanBadge();
    if (outcome.ok) {
      setText(outcome.text);
      await verify(outcome.text);
    } else if (!outcome.cancelled) {
      setHint(outcome.message);
    }
  }

  if (!user) return <View className="vb" />;

  return (
    <View className="vb" data-testid="verify-badge">
      <View className="vb__header">
        <Text className="vb__title">核验执法证</Text>
        <Text className="vb__note">请执法人员打开“电子执法证”，扫描其手机上的二维码</Text>
      </View>

      <Button
        className="vb__scan"
        data-testid="badge-scan"
        loading={busy}
        onClick={() => void scan()}
      >
        {process.env.TARO_ENV === 'h5' ? '拍照识别执法证二维码' : '扫码核验'}
      </Button>

      <View className="vb__manual">
        <Text className="vb__label">或粘贴 / 输入证码</Text>
        <Textarea
          className="vb__input"
          data-testid="badge-code-input"
          value={text}
          maxlength={2000}
          placeholder="qb1.开头的证码"
          onInput={(e) => setText(e.detail.value)}
        />
        <Button
          className="vb__verify"
          data-testid="badge-verify"
          onClick={() => void (busy ? undefined : verify(text))}
        >
          核验
        </Button>
      </View>

      {hint && (
        <Text className="vb__hint" data-testid="badge-hint">
          {hint}
        </Text>
      )}
      {verdict && <BadgeVerdictCard verdict={verdict} />}
    </View>
  );
}
