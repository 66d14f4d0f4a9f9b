import type { ImportProblem, ImportSummary } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { gradesChangedText, groupProblems, summaryRows } from './import';

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

/**
 * Every problem, by sheet and row. On a phone each problem is a card (where: sheet, row, column;
 * then 内容 and 问题, labelled); on a desktop the same cells line up as a table with a header.
 */
export function ProblemTable(props: { problems: readonly ImportProblem[] }) {
  return (
    <View className="md-problems" data-testid="import-problems" role="table" aria-label="导入问题">
      <View className="md-problem md-problem--head" role="row">
        <View className="md-problem__where" role="columnheader">
          位置（工作表 · 行 · 列）
        </View>
        <View className="md-problem__value" role="columnheader">
          内容
        </View>
        <View className="md-problem__message" role="columnheader">
          问题
        </View>
      </View>
      {groupProblems(props.problems).map((group) => [
        <View key={`group-${group.sheet}`} className="md-problems__group" role="row">
          <View role="cell">
            {group.sheet}（{group.problems.length} 处）
          </View>
        </View>,
        ...group.problems.map((problem, index) => (
          <View
            key={`${group.sheet}-${index}`}
            className="md-problem"
            data-testid="import-problem"
            role="row"
          >
            <View className="md-problem__where" role="cell">
              {problem.sheet}
              {problem.row > 0 ? ` · 第 ${problem.row} 行` : ''}
              {problem.column ? ` · ${problem.column}` : ''}
            </View>
            <View className="md-problem__value" role="cell">
              <Text className="md-problem__label">内容：</Text>
              {problem.value === '' ? '（空）' : problem.value}
            </View>
            <View className="md-problem__message" role="cell">
              <Text className="md-problem__label">问题：</Text>
              {problem.message}
            </View>
          </View>
        )),
      ])}
    </View>
  );
}
