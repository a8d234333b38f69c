import { describe, expect, it } from 'vitest';
import { isAllowedUrl, notWebAddressReason, safeHref, unsafeUrlReason } from '../../../src/lib/content/urlPolicy.ts';

describe('the URL allow-list', () => {
  const allowed = [
    'https://www.henan.gov.cn/2024/01-05/2882231.html',
    'http://jyj.zhengzhou.gov.cn/?a=1&b=2',
    'HTTPS://EXAMPLE.ORG/',
    'mailto:editor@example.org',
    '/cases/luoyang-2022-biaozhunhua/',
    'cases/x/',
    '../measures/',
    '#p-3',
    '?q=县管校聘',
    'javascript%3Aalert(1)', // no scheme: a harmless relative path
  ];
  it.each(allowed)('allows %s', (url) => expect(unsafeUrlReason(url)).toBeUndefined());

  const refused: [string, RegExp][] = [
    ['javascript:alert(1)', /scheme “javascript:”/],
    ['JaVaScRiPt:alert(1)', /scheme “javascript:”/],
    ['vbscript:msgbox(1)', /scheme “vbscript:”/],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', /scheme “data:”/],
    ['file:///etc/passwd', /scheme “file:”/],
    ['java\tscript:alert(1)', /control/],
    ['java\nscript:alert(1)', /control/],
    ['\u0001javascript:alert(1)', /control/],
    [' javascript:alert(1)', /space/],
    ['jav\u200Bascript:alert(1)', /invisible/],
    ['java\u202Escript:alert(1)', /invisible/],
    ['jav&#x61;script:alert(1)', /character reference/],
    ['jav&#97;script:alert(1)', /character reference/],
    ['//cdn.example.org/x.png', /protocol-relative/],
    ['javascript&colon;alert(1)', /character reference/],
    ['\\\\evil.example/x', /backslash/],
    ['http://[::1', /not a valid web address/],
    ['https://example.org/?a=1&b="><script>alert(1)</script>', /quote/],
    ['https://example.org/`x`', /quote/],
  ];
  it.each(refused)('refuses %j', (url, reason) => expect(unsafeUrlReason(url)).toMatch(reason));

  it('renders allowed URLs serialised, refused ones not at all', () => {
    expect(safeHref("https://example.org/a b'c?q=甲&r=1")).toBeUndefined();
    expect(safeHref("https://example.org/a'c?q=甲&r='1'")).toBe('https://example.org/a\'c?q=%E7%94%B2&r=%271%27');
    expect(safeHref('/cases/')).toBe('/cases/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
  });

  it('source addresses must be absolute http(s)', () => {
    expect(notWebAddressReason('https://example.org/a')).toBeUndefined();
    expect(notWebAddressReason('/cases/x/')).toMatch(/http:\/\/ or https:\/\//);
    expect(notWebAddressReason('mailto:a@b.c')).toMatch(/http:\/\/ or https:\/\//);
    expect(notWebAddressReason('javascript:alert(1)')).toMatch(/scheme/);
    expect(isAllowedUrl('javascript:alert(1)')).toBe(false);
  });
});
