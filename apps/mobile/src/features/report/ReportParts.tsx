import { PURPOSE_INFO, REPORT_PHOTOS_MAX, type ReportView, type VisitView } from '@qinqing/domain';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';

import { chinaDateTime } from '../../services/china-time';
import { goHome } from '../../shared/navigation';
import { Button } from '../../shared/ui/Button';
import { Card } from '../../shared/ui/Page';
import { Pending } from '../../shared/ui/Pending';
import { keyboard } from './keyboard';
import { photosLeft } from './report-form';
import type { ReportForm } from './useReportForm';

import './report.css';

function officerLine(visit: VisitView): string {
  return visit.officers.map((o) => o.name).join('、') || '执法人员';
}

/** One choice of a single-choice list: a large row with ◉ / ○. */
function Option(props: {
  on: boolean;
  testId: string;
  title: string;
  sub?: string;
  onPick(): void;
}) {
  return (
    <View
      role="radio"
      aria-checked={props.on}
      className={`rp__option ${props.on ? 'rp__option--on' : ''}`}
      data-testid={props.testId}
      onClick={props.onPick}
      {...keyboard(() => props.onPick())}
    >
      <Text>
        {props.on ? '◉ ' : '○ '}
        {props.title}
      </Text>
      {props.sub && <Text className="rp__option-sub">{props.sub}</Text>}
    </View>
  );
}

function Choices(props: { label: string; children: ReactNode }) {
  return (
    <View className="rp__options" role="radiogroup" aria-label={props.label}>
      {props.children}
    </View>
  );
}

/** 举报企业, 涉及的检查 and 被举报的执法人员: each shown once the one before is chosen. */
export function WhoAndWhen({ form }: { form: ReportForm }) {
  const { draft, firms, chosenVisit } = form;
  return (
    <>
      <Card title="举报企业" testId="report-firm">
        <Pending
          loading={form.base.loading}
          error={form.base.error}
          onRetry={form.base.reload}
          testId="report-load-error"
        />
        {firms?.length === 0 && (
          <Text className="rp__note">账号尚未关联企业，请拨打67189801反映。</Text>
        )}
        {form.presetNote && <Text className="rp__note">{form.presetNote}</Text>}
        <Choices label="举报企业">
          {firms?.map((f) => (
            <Option
              key={f.id}
              on={draft.enterpriseId === f.id}
              testId={`report-firm-${f.id}`}
              title={f.name}
              onPick={() => form.pickFirm(f.id)}
            />
          ))}
        </Choices>
      </Card>

      {draft.enterpriseId && (
        <Card title="涉及的检查（选填）" testId="report-visit">
          <Text className="rp__note">选择举报所涉及的那次到访；不确定可不选。</Text>
          <Pending loading={false} error={form.recent.error} onRetry={form.recent.reload} />
          <Choices label="涉及的检查">
            <Option
              on={draft.visitId === null}
              testId="report-visit-none"
              title="不指定具体检查"
              onPick={() => form.pickVisit(null)}
            />
            {form.visits.map((v) => (
              <Option
                key={v.id}
                on={draft.visitId === v.id}
                testId={`report-visit-${v.id}`}
                title={`${chinaDateTime(v.checkedInAt)} ${PURPOSE_INFO[v.purpose].label}`}
                sub={officerLine(v)}
                onPick={() => form.pickVisit(v.id)}
              />
            ))}
          </Choices>
        </Card>
      )}

      {chosenVisit && (
        <Card title="被举报的执法人员（选填）" testId="report-officer">
          <Choices label="被举报的执法人员">
            <Option
              on={draft.officerId === null}
              testId="report-officer-none"
              title="不指定执法人员"
              onPick={() => form.pickOfficer(null)}
            />
            {chosenVisit.officers.map((o) => (
              <Option
                key={o.id}
                on={draft.officerId === o.id}
                testId={`report-officer-${o.id}`}
                title={o.name}
                sub={[o.badgeNumber ? `执法证号 ${o.badgeNumber}` : '', o.unitName ?? '']
                  .filter(Boolean)
                  .join(' · ')}
                onPick={() => form.pickOfficer(o.id)}
              />
            ))}
          </Choices>
        </Card>
      )}
    </>
  );
}

/** 照片（选填）: thumbnails with 删除, why a photo was left out, and 添加照片. */
export function PhotosField({ form }: { form: ReportForm }) {
  const left = photosLeft(form.draft);
  return (
    <Card title={`照片（选填，最多${REPORT_PHOTOS_MAX}张）`}>
      <View className="rp__photos">
        {form.draft.photos.map((photo, i) => (
          <View className="rp__photo" key={`${i}-${photo.length}`} data-testid="report-photo">
            <Image
              className="rp__thumb"
              src={photo}
              mode="aspectFill"
              // the H5 image element's own props (Taro's web component calls them nativeProps)
              {...({ nativeProps: { alt: `第${i + 1}张照片` } } as object)}
            />
            <Button
              fill="outline"
              className="rp__photo-remove"
              label={`删除第${i + 1}张照片`}
              onClick={() => form.removePhoto(i)}
            >
              删除
            </Button>
          </View>
        ))}
      </View>
      {form.photoNotes.map((note) => (
        <View className="rp__problem" key={note} data-testid="report-photo-problem" role="alert">
          {note}
        </View>
      ))}
      <Button
        type="primary"
        fill="outline"
        block
        className="rp__button rp__button--secondary"
        data-testid="report-photo-add"
        disabled={left === 0}
        loading={form.picking}
        onClick={form.addPhotos}
      >
        {left === 0
          ? `已达${REPORT_PHOTOS_MAX}张上限`
          : form.picking
            ? '正在读取照片…'
            : '添加照片'}
      </Button>
    </Card>
  );
}

/** After the report went through: where to follow it. */
export function ReportDone({ done }: { done: ReportView }) {
  return (
    <Card testId="report-done">
      <View className="rp__done-title" role="status">
        举报已提交
      </View>
      <View className="rp__line">
        监督部门已受理（{chinaDateTime(done.createdAt)}
        ），将调查核实；办理进度和结果可在“我的举报”中查看。
      </View>
      <View className="rp__line">举报内容只有监督部门能看到，被举报的执法人员看不到。</View>
      <Button
        type="primary"
        block
        className="rp__button"
        data-testid="report-goto-reports"
        onClick={() => void Taro.redirectTo({ url: '/pages/firm/reports/index' })}
      >
        查看我的举报
      </Button>
      <Button fill="outline" block className="rp__button rp__button--secondary" onClick={goHome}>
        返回首页
      </Button>
    </Card>
  );
}
