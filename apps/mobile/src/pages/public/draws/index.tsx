import type { PublicDrawView } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { errorText } from '../../../features/desk/errors';
import { DrawRow } from '../../../features/draws/DrawRow';
import { api } from '../../../services/api';

import '../../../features/desk/desk.css';
import '../../../features/draws/draws.css';

/** 抽查结果公示 (一公开): every draw, for anyone, without login. */
export default function PublicDrawsPage() {
  const [draws, setDraws] = useState<PublicDrawView[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api
      .publicDraws()
      .then(setDraws)
      .catch((e) => setError(errorText(e)));
  }, []);

  return (
    <View className="dk dk--narrow" data-testid="public-draws">
      <View className="dk__header">
        <Text className="dk__title">双随机抽查结果公示</Text>
        <Text className="dk__note">
          每次抽查先公布随机种子承诺值和输入数据摘要，再揭示种子并公示抽中企业及检查结果；任何人都可下载输入数据自行复核。
        </Text>
      </View>
      <View className="dk-list">
        {error && <Text className="dk-error">{error}</Text>}
        {!draws && !error && <Text className="dk-loading">正在读取…</Text>}
        {draws?.length === 0 && <Text className="dk-empty">暂无公示的抽查。</Text>}
        {draws?.map((draw) => (
          <DrawRow
            key={draw.id}
            draw={draw}
            testId="public-draw-row"
            onClick={() => void Taro.navigateTo({ url: `/pages/public/draw/index?id=${draw.id}` })}
          />
        ))}
      </View>
    </View>
  );
}
