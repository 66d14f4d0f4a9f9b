import { useState } from 'react';

import { verifyBadgeText, type BadgeVerdict } from './badge';
import { scanBadge } from './decode-photo';

/** 核验执法证, the view-model: the code (scanned or pasted), the check, its verdict or a hint. */
export function useBadgeCheck() {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<BadgeVerdict | null>(null);
  const [hint, setHint] = useState('');

  async function verify(code: string): Promise<void> {
    if (busy) return;
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

  return { text, setText, busy, verdict, hint, verify: () => void verify(text), scan };
}
