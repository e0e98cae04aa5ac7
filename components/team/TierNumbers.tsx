import { inputClass } from '../Field';

type Tiered<K extends string> = Record<K, number>;

/** A row of number inputs, one per key (the tiers, or the four score dimensions), with a label each. */
export function NumberRow<K extends string>({
  name,
  keys,
  labels,
  values,
  step = 1,
  onChange,
}: {
  name: string;
  keys: readonly K[];
  labels: Record<K, string>;
  values: Tiered<K>;
  step?: number;
  onChange: (values: Tiered<K>) => void;
}) {
  return (
    <div className="grid grid-cols-4 gap-2">
      {keys.map((key) => (
        <label key={key} className="block text-xs text-gray-600">
          {labels[key]}
          <input
            className={inputClass}
            type="number"
            name={`${name}.${key}`}
            step={step}
            value={Number.isFinite(values[key]) ? values[key] : ''}
            onChange={(e) => onChange({ ...values, [key]: e.target.valueAsNumber })}
          />
        </label>
      ))}
    </div>
  );
}
