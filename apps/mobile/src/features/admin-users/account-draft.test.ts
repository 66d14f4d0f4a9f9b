import { createBody, EMPTY_ACCOUNT } from './account-draft';

it('sends only the fields a role has: a firm manager’s firms, an officer’s unit and 执法证号', () => {
  const draft = {
    ...EMPTY_ACCOUNT,
    username: ' liming ',
    displayName: '李明',
    unitId: 'js',
    badgeNo: '豫A1',
    enterpriseIds: ['f1', 'f3'],
  };
  expect(createBody({ ...draft, role: 'enterprise' })).toEqual({
    username: 'liming',
    displayName: '李明',
    role: 'enterprise',
    enterpriseIds: ['f1', 'f3'],
  });
  expect(createBody({ ...draft, role: 'officer', phone: ' 13800000001 ' })).toEqual({
    username: 'liming',
    displayName: '李明',
    role: 'officer',
    unitId: 'js',
    badgeNo: '豫A1',
    phone: '13800000001',
  });
});
