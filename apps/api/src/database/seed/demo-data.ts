import type { CreditGrade, Role, SupervisionClass } from '@qinqing/domain';
import type { UnitLevel } from '../../units/unit.entity';

/**
 * The Zhengzhou demo dataset. Firm names come from the source documents (shared/seeds); their
 * USCCs, addresses, coordinates and credit grades are made up for the demo (USCCs are
 * format-valid with a correct check character, not the firms' real codes).
 */
export const DEMO_PASSWORD = 'Qinqing@2026';

export interface DemoUnit {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode?: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: 'ZZ-ZD',
    name: '郑州市生态环境综合行政执法支队',
    level: 'DETACHMENT',
  },
  {
    code: 'ZZ-JS',
    name: '郑州市生态环境局金水分局',
    level: 'BRANCH',
    parentCode: 'ZZ-ZD',
  },
  {
    code: 'ZZ-XZ',
    name: '郑州市生态环境局新郑分局',
    level: 'BRANCH',
    parentCode: 'ZZ-ZD',
  },
  {
    code: 'ZZ-D1',
    name: '郑州市生态环境综合行政执法支队第一大队',
    level: 'BRIGADE',
    parentCode: 'ZZ-ZD',
  },
];

export interface DemoUser {
  username: string;
  role: Role;
  name: string;
  unitCode?: string;
  badgeNumber?: string;
  jurisdictionCode?: string;
  phone?: string;
  /** Keys (DemoFirm.key) of the firms an enterprise user manages. */
  firms?: string[];
}

export interface DemoGate {
  name: string;
  lat: number;
  lng: number;
  radiusM?: number;
}

export interface DemoFirm {
  key: string;
  name: string;
  address: string;
  district: string;
  industry: string;
  creditGrade: CreditGrade;
  supervisionClass: SupervisionClass;
  unitCode: string;
  liaison?: string;
  gates: DemoGate[];
  positiveList?: {
    batch: string;
    effectiveFrom: string;
    effectiveTo?: string;
    removalReason?: string;
  }[];
}

export const DEMO_FIRMS: DemoFirm[] = [
  {
    key: 'sinian',
    name: '郑州思念食品有限公司',
    address: '郑州市惠济区英才街15号',
    district: '惠济区',
    industry: '速冻食品制造',
    creditGrade: 'TRUSTWORTHY',
    supervisionClass: 'GENERAL',
    unitCode: 'ZZ-JS',
    liaison: 'officer1',
    gates: [
      { name: '正门', lat: 34.8528, lng: 113.6305, radiusM: 200 },
      { name: '物流门', lat: 34.8541, lng: 113.6339, radiusM: 150 },
    ],
    positiveList: [{ batch: '第一批', effectiveFrom: '2020-06-01' }],
  },
  {
    key: 'yutong',
    name: '郑州宇通客车股份有限公司',
    address: '郑州市管城回族区宇通路6号',
    district: '管城回族区',
    industry: '汽车整车制造',
    creditGrade: 'GOOD',
    supervisionClass: 'KEY',
    unitCode: 'ZZ-JS',
    liaison: 'officer2',
    gates: [{ name: '东门', lat: 34.7296, lng: 113.7221, radiusM: 300 }],
    positiveList: [{ batch: '第二批', effectiveFrom: '2020-09-01' }],
  },
  {
    key: 'zhonglian',
    name: '郑州众联混凝土有限公司',
    address: '郑州市金水区杨金路199号',
    district: '金水区',
    industry: '商品混凝土生产',
    creditGrade: 'WARNING',
    supervisionClass: 'GENERAL',
    unitCode: 'ZZ-JS',
    gates: [{ name: '大门', lat: 34.8215, lng: 113.7402 }],
  },
  {
    key: 'ruitai',
    name: '河南瑞泰耐材科技有限公司',
    address: '新郑市新港产业集聚区华夏大道8号',
    district: '新郑市',
    industry: '耐火材料制品制造',
    creditGrade: 'WARNING',
    supervisionClass: 'KEY',
    unitCode: 'ZZ-XZ',
    liaison: 'officer3',
    gates: [{ name: '北门', lat: 34.4139, lng: 113.7512, radiusM: 250 }],
  },
  {
    key: 'haier',
    name: '郑州海尔空调器有限公司',
    address: '郑州经济技术开发区第九大街与经北五路交叉口',
    district: '郑州经济技术开发区',
    industry: '家用空调器制造',
    creditGrade: 'GOOD',
    supervisionClass: 'GENERAL',
    unitCode: 'ZZ-XZ',
    gates: [{ name: '南门', lat: 34.7312, lng: 113.8046 }],
    positiveList: [
      {
        batch: '第一批',
        effectiveFrom: '2020-06-01',
        effectiveTo: '2022-12-31',
        removalReason: '年度复核未通过（环境信用等级调整）',
      },
    ],
  },
  {
    key: 'haoxiangni',
    name: '新郑好想你健康食品股份有限公司',
    address: '新郑市新郑国际机场经济区新港大道',
    district: '新郑市',
    industry: '果蔬食品加工',
    creditGrade: 'TRUSTWORTHY',
    supervisionClass: 'GENERAL',
    unitCode: 'ZZ-XZ',
    gates: [{ name: '1号门', lat: 34.5218, lng: 113.8397, radiusM: 200 }],
    positiveList: [{ batch: '第三批', effectiveFrom: '2021-03-01' }],
  },
  {
    key: 'hanyang',
    name: '郑州瀚洋天辰危险废物处置有限公司',
    address: '郑州市中牟县官渡镇',
    district: '中牟县',
    industry: '危险废物治理',
    creditGrade: 'SERIOUSLY_DISHONEST',
    supervisionClass: 'KEY',
    unitCode: 'ZZ-XZ',
    gates: [{ name: '主入口', lat: 34.6983, lng: 114.0151, radiusM: 200 }],
  },
  {
    key: 'zhengjia',
    name: '河南正佳能源环保股份有限公司',
    address: '郑州市金水区丰庆路',
    district: '金水区',
    industry: '生物质能发电',
    creditGrade: 'UNRATED',
    supervisionClass: 'GENERAL',
    unitCode: 'ZZ-JS',
    gates: [{ name: '西门', lat: 34.8302, lng: 113.6811 }],
  },
];

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', role: 'admin', name: '系统管理员' },
  {
    username: 'supervisor',
    role: 'supervisor',
    name: '郑州市营商环境监督员',
    jurisdictionCode: 'ZZ-ZD',
    phone: '0371-67189801',
  },
  {
    username: 'supervisor2',
    role: 'supervisor',
    name: '金水分局纪检监督员',
    jurisdictionCode: 'ZZ-JS',
    phone: '0371-67189802',
  },
  {
    username: 'officer1',
    role: 'officer',
    name: '张建国',
    unitCode: 'ZZ-JS',
    badgeNumber: '豫A41010001',
    phone: '13800000001',
  },
  {
    username: 'officer2',
    role: 'officer',
    name: '李明华',
    unitCode: 'ZZ-JS',
    badgeNumber: '豫A41010002',
    phone: '13800000002',
  },
  {
    username: 'officer3',
    role: 'officer',
    name: '王志强',
    unitCode: 'ZZ-XZ',
    badgeNumber: '豫A41010003',
    phone: '13800000003',
  },
  {
    username: 'officer4',
    role: 'officer',
    name: '赵丽娟',
    unitCode: 'ZZ-XZ',
    badgeNumber: '豫A41010004',
    phone: '13800000004',
  },
  {
    username: 'firm1',
    role: 'enterprise',
    name: '刘晓燕（思念食品环保主管）',
    firms: ['sinian'],
    phone: '13900000001',
  },
  {
    username: 'firm2',
    role: 'enterprise',
    name: '陈伟（瑞泰耐材环保主管）',
    firms: ['ruitai'],
    phone: '13900000002',
  },
];
