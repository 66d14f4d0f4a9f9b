import type { ImportProblem, ImportSummary } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { gradesChangedText, groupProblems, rowText, summaryRows } from './import';

/** The counts of an import: one line per sheet, and the credit grades that change. */
export function SummaryTable(props: { summary: ImportSummary; testId: string }) {
  return (
    <View className="md-summary" data-testid={props.testId}>
      {summaryRows(props.summary).map((row) => (
        <View key={row.key} className="md-summary__row" data-testid={`${props.testId}-${row.key}`}>
          <Text className="md-summary__label">{row.label}</Text>
          {row.counts.map((count) => (
            <Text key={count.label} className="md-summary__count">
              {count.label} <Text className="md-summary__value">{count.value}</Text>
            </Text>
          ))}
        </View>
      ))}
      <View className="md-summary__row" data-testid={`${props.testId}-grades`}>
        <Text className="md-summary__label">{gradesChangedText(props.summary)}</Text>
      </View>
    </View>
  );
}

const COLUMNS = ['工作表', '行', '列', '内容', '问题'];

/** Every problem, by sheet and row: 工作表, 行, 列, 内容, 问题. */
export function ProblemTable(props: { problems: readonly ImportProblem[] }) {
  return (
    <View className="md-table-wrap">
      <View className="md-table" data-testid="import-problems" role="table">
        <View className="md-table__row md-table__row--head" role="row">
          {COLUMNS.map((column) => (
            <View key={column} className="md-table__cell md-table__cell--head" role="columnheader">
              {column}
            </View>
          ))}
        </View>
        {groupProblems(props.problems).map((group) => [
          <View key={`group-${group.sheet}`} className="md-table__group" role="row">
            <View className="md-table__group-text" role="cell">
              {group.sheet}（{group.problems.length} 处）
            </View>
          </View>,
          ...group.problems.map((problem, index) => (
            <View
              key={`${group.sheet}-${index}`}
              className="md-table__row"
              data-testid="import-problem"
              role="row"
            >
              <View className="md-table__cell" role="cell">
                {problem.sheet}
              </View>
              <View className="md-table__cell md-table__cell--num" role="cell">
                {rowText(problem)}
              </View>
              <View className="md-table__cell" role="cell">
                {problem.column || '—'}
              </View>
              <View className="md-table__cell md-table__cell--value" role="cell">
                {problem.value}
              </View>
              <View className="md-table__cell md-table__cell--message" role="cell">
                {problem.message}
              </View>
            </View>
          )),
        ])}
      </View>
    </View>
  );
}
