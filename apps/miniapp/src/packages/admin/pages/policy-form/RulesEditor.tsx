import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { DISTRICT_CODE, MAX_RULES, RULE_OP_LABELS, townOf, type PolicyAudience, type RuleOp } from '@zaogong/shared';
import { useRegions } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { Sheet, SheetOption } from '../../../../components/Sheet';
import { NUMBER_UNITS, OPS_BY_KIND, newRule, ruleFields, type FieldChoice, type RuleDraft } from '../../../../lib/policies';

/** A plain line under each field in the picker: what kind of value it takes. */
function fieldHint(f: FieldChoice): string {
  if (f.kind === 'number') return `填数字${NUMBER_UNITS[f.field] ? `（${NUMBER_UNITS[f.field]}）` : ''}`;
  if (f.kind === 'region') return f.field === 'townCode' ? '选镇街' : '选村居';
  const words = Object.values(f.values ?? {});
  return `如：${words.slice(0, 3).join('、')}${words.length > 3 ? '…' : ''}`;
}

function toggled(list: readonly string[], v: string): string[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

/** 镇街 or 村居 values: the 镇街 as chips; for a 村居, a 镇街 first and then its 村居. */
function RegionValue({ field, multi, values, onChange }: { field: string; multi: boolean; values: string[]; onChange: (v: string[]) => void }) {
  const towns = useRegions(DISTRICT_CODE);
  const [town, setTown] = useState<string | undefined>(() => townOf(values[0]) ?? undefined);
  const villages = useRegions(field === 'villageCode' && town ? town : null);
  const pick = (code: string) => onChange(multi ? toggled(values, code) : [code]);
  if (field === 'townCode') {
    return (
      <View className='zg-row-wrap prf-chips'>
        {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
        {(towns.data ?? []).map((t) => (
          <Chip key={t.code} multi={multi} label={t.name} on={values.includes(t.code)} onTap={() => pick(t.code)} />
        ))}
      </View>
    );
  }
  const nameOf = (code: string) => villages.data?.find((v) => v.code === code)?.name ?? code;
  return (
    <View>
      <View className='zg-small prf-sub'>先选镇街：</View>
      <View className='zg-row-wrap prf-chips'>
        {(towns.data ?? []).map((t) => (
          <Chip key={t.code} label={t.name} on={town === t.code} onTap={() => setTown(t.code)} />
        ))}
      </View>
      {town ? (
        <View>
          <View className='zg-small prf-sub'>再选村居：</View>
          <View className='zg-row-wrap prf-chips'>
            {villages.loading ? <View className='zg-small'>正在加载村居…</View> : null}
            {(villages.data ?? []).map((v) => (
              <Chip key={v.code} multi={multi} label={v.name} on={values.includes(v.code)} onTap={() => pick(v.code)} />
            ))}
          </View>
        </View>
      ) : null}
      {values.length > 0 ? <View className='prf-picked'>已选：{values.map(nameOf).join('、')}</View> : null}
    </View>
  );
}

function RuleRow({ audience, rule, index, error, onChange, onRemove }: { audience: PolicyAudience; rule: RuleDraft; index: number; error?: string; onChange: (r: RuleDraft) => void; onRemove: () => void }) {
  const spec = ruleFields(audience).find((f) => f.field === rule.field);
  if (!spec) return null;
  const ops = OPS_BY_KIND[spec.kind];
  const multi = rule.op === 'in';
  const setOp = (op: RuleOp) => onChange({ ...rule, op, values: op === 'in' ? rule.values : rule.values.slice(0, 1) });
  const setValues = (values: string[]) => onChange({ ...rule, values });
  return (
    <View className={error ? 'prf-rule prf-rule-bad' : 'prf-rule'} id={`prf-rule-${index}`}>
      <View className='zg-row prf-rule-head'>
        <View className='zg-grow prf-rule-name'>
          条件{index + 1}：{spec.label}
        </View>
        <View className='prf-remove' aria-role='button' onClick={onRemove}>
          删除
        </View>
      </View>
      <View className='zg-row-wrap prf-chips prf-ops'>
        {ops.map((op) => (
          <Chip key={op} label={RULE_OP_LABELS[op]} on={rule.op === op} onTap={() => setOp(op)} />
        ))}
      </View>
      {spec.kind === 'number' ? (
        <View className='zg-row prf-number'>
          <Input
            className='zg-input prf-number-input'
            type='number'
            maxlength={4}
            value={rule.values[0] ?? ''}
            placeholder='数字'
            onInput={(e) => setValues([e.detail.value.replace(/\D/g, '')])}
          />
          {NUMBER_UNITS[spec.field] ? <Text className='prf-unit'>{NUMBER_UNITS[spec.field]}</Text> : null}
        </View>
      ) : spec.kind === 'region' ? (
        <RegionValue field={spec.field} multi={multi} values={rule.values} onChange={setValues} />
      ) : (
        <View className='zg-row-wrap prf-chips prf-values'>
          {Object.entries(spec.values ?? {}).map(([value, label]) => (
            <Chip key={value} multi={multi} label={label} on={rule.values.includes(value)} onTap={() => setValues(multi ? toggled(rule.values, value) : [value])} />
          ))}
        </View>
      )}
      {multi ? <View className='zg-small prf-sub'>可以选几个，符合其中一个就行。</View> : null}
      {error ? <View className='zg-field-error'>{error}</View> : null}
    </View>
  );
}

interface Props {
  audience: PolicyAudience;
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  /** A problem per row (its index), from the form's check or the API. */
  errors: Record<number, string>;
}

/** 条件: rows of 条件项 / 比较 / 值, picked from the shared lists; all must hold. */
export function RulesEditor({ audience, rules, onChange, errors }: Props) {
  const [picking, setPicking] = useState(false);
  const fields = ruleFields(audience);
  const add = (field: string) => {
    const key = rules.reduce((m, r) => Math.max(m, r.key), 0) + 1;
    onChange([...rules, newRule(audience, field, key)]);
    setPicking(false);
  };
  return (
    <View className='prf-rules'>
      {rules.length === 0 ? <View className='zg-small prf-rules-empty'>还没有条件。点下面的按钮加，比如“重点人群 包含 高校毕业生”。</View> : null}
      {rules.map((r, i) => (
        <RuleRow
          key={r.key}
          audience={audience}
          rule={r}
          index={i}
          error={errors[i]}
          onChange={(next) => onChange(rules.map((x) => (x.key === r.key ? next : x)))}
          onRemove={() => onChange(rules.filter((x) => x.key !== r.key))}
        />
      ))}
      {rules.length < MAX_RULES ? (
        <Button className='zg-btn zg-btn-ghost zg-btn-block prf-add-rule' onClick={() => setPicking(true)}>
          ＋ 加一个条件
        </Button>
      ) : (
        <View className='zg-small'>条件最多{MAX_RULES}条。</View>
      )}
      {picking ? (
        <Sheet title='按什么条件' onClose={() => setPicking(false)}>
          {fields.map((f) => (
            <SheetOption key={f.field} label={f.label} desc={fieldHint(f)} on={false} onTap={() => add(f.field)} />
          ))}
        </Sheet>
      ) : null}
    </View>
  );
}
