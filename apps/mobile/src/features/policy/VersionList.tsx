import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

import { Choice } from './Choice';
import { versionTitle, type PolicyVersionView } from './diff';

/** Every version, newest (in force) first, each with a 对比 tick. */
export function VersionList(props: {
  versions: PolicyVersionView[];
  compared: number[];
  onToggle: (version: number) => void;
}) {
  return (
    <View className="pl-versions" data-testid="policy-versions">
      {props.versions.map((v, index) => (
        <View className="pl-version" key={v.version} data-testid="policy-version">
          <View className="pl-version__main">
            <View className="pl-version__title">
              <Text>{versionTitle(v)}</Text>
              {index === 0 ? (
                <Tag type="success" plain>
                  现行
                </Tag>
              ) : (
                <Tag plain>已停用</Tag>
              )}
            </View>
            <Text className="pl-version__note">修改原因：{v.note || '（未填写）'}</Text>
          </View>
          <Choice
            checked={props.compared.includes(v.version)}
            onChange={() => props.onToggle(v.version)}
            testId="policy-compare"
          >
            对比
          </Choice>
        </View>
      ))}
    </View>
  );
}
