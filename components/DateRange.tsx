import { Input } from 'antd';
import { useId } from 'react';
import { useI18n } from './i18n';

/** Two date inputs, from and to (YYYY-MM-DD, either may be empty), labelled for screen readers. */
export function DateRange(props: {
  start: string;
  end: string;
  onChange: (range: { start: string; end: string }) => void;
  label?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-start`}>{props.label ?? t('export.start')}</label>
      <Input
        id={`${id}-start`}
        type="date"
        value={props.start}
        onChange={(e) => props.onChange({ start: e.target.value, end: props.end })}
        data-testid={props.testId && `${props.testId}-start`}
        style={{ width: 160 }}
      />
      <label htmlFor={`${id}-end`}>{t('export.end')}</label>
      <Input
        id={`${id}-end`}
        type="date"
        value={props.end}
        onChange={(e) => props.onChange({ start: props.start, end: e.target.value })}
        data-testid={props.testId && `${props.testId}-end`}
        style={{ width: 160 }}
      />
    </>
  );
}
