import { describe, expect, it } from 'vitest';
import { amountInFrenchWords, frenchNumberWords } from './amount-in-words.js';

describe('frenchNumberWords', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [280, 'deux cent quatre-vingts'],
    [1000, 'mille'],
    [1001, 'mille un'],
    [2000, 'deux mille'],
    [80_000, 'quatre-vingt mille'],
    [200_000, 'deux cent mille'],
    [1_000_000, 'un million'],
    [2_000_000, 'deux millions'],
    [200_000_000, 'deux cents millions'],
    [1_234_567, 'un million deux cent trente-quatre mille cinq cent soixante-sept'],
    [1_000_000_000, 'un milliard'],
    [
      999_999_999_999,
      'neuf cent quatre-vingt-dix-neuf milliards neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf',
    ],
  ])('%d → %s', (value, words) => {
    expect(frenchNumberWords(value)).toBe(words);
  });

  it('refuses what it cannot spell', () => {
    expect(() => frenchNumberWords(-1)).toThrow(RangeError);
    expect(() => frenchNumberWords(1.5)).toThrow(RangeError);
    expect(() => frenchNumberWords(1e12)).toThrow(RangeError);
  });
});

describe('amountInFrenchWords', () => {
  it.each([
    ['0.000', 'zéro dinar'],
    ['1.000', 'un dinar'],
    ['1.001', 'un dinar et un millime'],
    ['2.5', 'deux dinars et cinq cents millimes'],
    ['1234.567', 'mille deux cent trente-quatre dinars et cinq cent soixante-sept millimes'],
    ['3000000.000', 'trois millions de dinars'],
    ['3000001.080', 'trois millions un dinars et quatre-vingts millimes'],
  ])('%s → %s', (amount, words) => {
    expect(amountInFrenchWords(amount)).toBe(words);
  });

  it('refuses a negative or malformed amount', () => {
    expect(() => amountInFrenchWords('-1.000')).toThrow(RangeError);
    expect(() => amountInFrenchWords('1.0001')).toThrow(RangeError);
  });
});
