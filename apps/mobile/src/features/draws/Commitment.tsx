import type { PublicDrawView } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { chinaTime } from '../../services/china-time';
import { Field } from '../desk/Field';
import { NOT_REVEALED } from './public';
import { HexBlock } from './ui';

/** The published commitment of a draw: inputs hash and seed commitment, then the seed if revealed. */
export function Commitment(props: {
  draw: PublicDrawView;
  testIds: { commitment: string; seed: string };
}) {
  const { draw } = props;
  return (
    <View data-testid={props.testIds.commitment}>
      <Field label="承诺时间">
        <Text>{chinaTime(draw.committedAt)}</Text>
      </Field>
      <Field label="输入数据摘要 SHA-512">
        <HexBlock hex={draw.inputsHash} testId={`${props.testIds.commitment}-inputs-hash`} />
      </Field>
      <Field label="随机种子承诺值 SHA-512">
        <HexBlock
          hex={draw.seedCommitment}
          testId={`${props.testIds.commitment}-seed-commitment`}
        />
      </Field>
      <Field label="随机种子">
        <View data-testid={props.testIds.seed} data-revealed={draw.seed ? 'true' : 'false'}>
          {draw.seed ? (
            <>
              <HexBlock hex={draw.seed} />
              {draw.revealedAt && (
                <Text className="sv-muted">揭示于 {chinaTime(draw.revealedAt)}</Text>
              )}
            </>
          ) : (
            <Text>{NOT_REVEALED}</Text>
          )}
        </View>
      </Field>
    </View>
  );
}
