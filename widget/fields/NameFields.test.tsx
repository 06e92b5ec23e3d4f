import { cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInWidget } from '../testing/renderInWidget';
import { NameFields } from './NameFields';
import { EMPTY_FORM } from './types';

afterEach(cleanup);

const inputOrder = () => Array.from(document.querySelectorAll('input'), (input) => input.id);

describe('NameFields order', () => {
  it.each(['ja-JP', 'ko-KR', 'zh-CN', 'zh-TW', 'vi-VN', 'km-KH'])(
    '%s asks for the family name first, as its forms do',
    async (locale) => {
      await renderInWidget(
        <NameFields
          values={EMPTY_FORM}
          errors={{}}
          onChange={() => {}}
          onBlur={() => {}}
          card
          legend="-"
        />,
        locale,
      );
      expect(inputOrder()).toEqual(['last_name', 'first_name']);
    },
  );

  it.each(['en-US', 'de-DE', 'hmn-Latn', 'ar-SA'])(
    '%s asks for the given name first',
    async (locale) => {
      await renderInWidget(
        <NameFields
          values={EMPTY_FORM}
          errors={{}}
          onChange={() => {}}
          onBlur={() => {}}
          card
          legend="-"
        />,
        locale,
      );
      expect(inputOrder()).toEqual(['first_name', 'last_name']);
    },
  );

  it('lets a typed name set its own direction, so Latin stays left to right in ar-SA', async () => {
    await renderInWidget(
      <NameFields
        values={EMPTY_FORM}
        errors={{}}
        onChange={() => {}}
        onBlur={() => {}}
        card
        legend="-"
      />,
      'ar-SA',
    );
    expect(document.getElementById('last_name')?.getAttribute('dir')).toBe('auto');
  });
});
