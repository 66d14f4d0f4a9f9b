/** The card at the gate and on the rating card's back (see shared/docs/domain.md). */

export interface Hotline {
  number: string;
  label: string;
}

export const HOTLINES: readonly Hotline[] = [
  { number: '12369', label: '环保举报' },
  { number: '67189801', label: '执法监督' },
];

/** 环境监察人员"六不准". */
export const SIX_PROHIBITIONS: readonly string[] = [
  '不准接受被检查者的礼品、礼金和有价证券',
  '不准接受被检查者宴请',
  '不准参加被检查者邀请的娱乐活动',
  '不准参与被检查者的营销活动',
  '不准向被检查者通风报信',
  '不准酒后开车、酒后执行公务',
];
