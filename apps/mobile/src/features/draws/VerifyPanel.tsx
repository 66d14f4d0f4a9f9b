import type { PublicDrawView } from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';

import { errorText } from '../../shared/errors';
import { fetchInputsFile } from './inputs-file';
import { verifyDraw, type VerifyOutcome } from './public';

/** 本机复核: downloads the inputs and re-runs the draw on this device. */
export function VerifyPanel({ draw }: { draw: PublicDrawView }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [error, setError] = useState('');

  async function verify(): Promise<void> {
    setBusy(true);
    setError('');
    setOutcome(null);
    try {
      const file = await fetchInputsFile(draw.id);
      // Let the button show its spinner before the (synchronous) re-draw takes the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      setOutcome(verifyDraw(draw, file));
    } catch (e) {
      setError(`未能复核：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="dk-form">
      <Button
        className="dk-btn dk-btn--wide"
        data-testid="public-verify"
        loading={busy}
        disabled={busy || !draw.seed}
        onClick={() => void verify()}
      >
        本机复核
      </Button>
      {!draw.seed && <Text className="dk-muted">随机种子揭示后方可复核。</Text>}
      {error && (
        <Text className="dk-error" data-testid="public-verify-result" data-ok="false">
          {error}
        </Text>
      )}
      {outcome && (
        <View data-testid="public-verify-result" data-ok={outcome.ok ? 'true' : 'false'}>
          <Text className={outcome.ok ? 'dk-ok' : 'dk-error'}>{outcome.summary}</Text>
          {outcome.checks.map((check) => (
            <Text
              key={check.label}
              className={`dr-check ${check.ok ? 'dr-check--ok' : 'dr-check--bad'}`}
              style={{ display: 'block' }}
            >
              {check.ok ? '✓ ' : '✗ '}
              {check.label}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
