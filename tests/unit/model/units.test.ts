import { describe, expect, it } from 'vitest';
import { splitUnit, toBase } from '../../../src/lib/model/units.ts';

describe('toBase', () => {
  it('converts magnitudes exactly, without binary rounding', () => {
    expect(toBase(31.92, '万个')).toEqual({ value: 319200, unit: '个' });
    expect(toBase(145.56, '亿元')).toEqual({ value: 14556000000, unit: '元' });
    expect(toBase(765.6, '万元')).toEqual({ value: 7656000, unit: '元' });
    expect(toBase(3.5, '万人次')).toEqual({ value: 35000, unit: '人次' });
    expect(toBase(0.07, '万亿元')).toEqual({ value: 70000000000, unit: '元' });
    expect(toBase(2.48, '千万元')).toEqual({ value: 24800000, unit: '元' });
  });
  it('keeps units without a magnitude', () => {
    expect(toBase(38.48, '%')).toEqual({ value: 38.48, unit: '%' });
    expect(toBase(734, '个班')).toEqual({ value: 734, unit: '个班' });
    expect(toBase(5, '个工作日')).toEqual({ value: 5, unit: '个工作日' });
    expect(toBase(31.23, '个百分点')).toEqual({ value: 31.23, unit: '百分点' });
    expect(toBase(12, '百分点')).toEqual({ value: 12, unit: '百分点' });
  });
  it('counts people as 人 whether the text says 名, 位 or 人', () => {
    expect(toBase(6, '万名')).toEqual({ value: 60000, unit: '人' });
    expect(toBase(9700, '名')).toEqual({ value: 9700, unit: '人' });
    expect(toBase(3, '位')).toEqual({ value: 3, unit: '人' });
  });
  it('leaves the counter empty for a bare magnitude', () => {
    expect(toBase(14.81, '亿')).toEqual({ value: 1481000000, unit: '' });
    expect(splitUnit('万')).toEqual({ exponent: 4, counter: '' });
  });
  it('handles small, negative and large values and refuses non-finite ones', () => {
    expect(toBase(1e-7, '万元')).toEqual({ value: 0.001, unit: '元' });
    expect(toBase(-2.5, '万人')).toEqual({ value: -25000, unit: '人' });
    expect(toBase(1e15, '万亿元')?.value).toBe(1e27);
    expect(toBase(Number.NaN, '个')).toBeUndefined();
    expect(toBase(Number.POSITIVE_INFINITY, '个')).toBeUndefined();
    expect(toBase(1e300, '万亿元')).toBeUndefined();
  });
});
