import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/fix/index.js';
import { cli, tempDir } from './helpers/cli.js';
import { builtinRules, lintString } from './helpers/lint.js';

/** The text of each web-residue finding, in order. */
async function residue(text: string): Promise<string[]> {
  return (await lintString(text, { rule: 'web-residue' })).map((f) => text.slice(f.start, f.end));
}

/** A short work summary with `lines` put in after the title (or wherever `at` says). */
function doc(lines: string[], at = 1): string {
  const body = [
    '青山镇2025年工作总结',
    '今年以来，青山镇坚持稳中求进工作总基调，经济社会保持平稳健康发展。',
    '一、主要工作成效',
    '全年完成地区生产总值18.6亿元，同比增长6.2%；新建高标准农田1.2万亩。',
    '二、存在的问题',
    '一是产业结构偏单一；二是基础设施仍有短板。',
    '三、下一步工作打算',
    '持续抓好项目建设和民生实事，推动各项工作再上新台阶。',
  ];
  body.splice(at, 0, ...lines);
  return `${body.join('\n')}\n`;
}

describe('web-residue: lines from template and document-sharing sites', () => {
  it.each([
    ['a breadcrumb', '网站首页 > 总结报告 > 乡镇工作总结'],
    ['a breadcrumb with its label', '您的位置：首页 » 公文写作 » 年终总结'],
    ['upload metadata', '上传时间：2025-01-06 15:32'],
    ['a view counter', '阅读次数：2,417'],
    ['the column and tags', '栏目：工作总结 标签：乡镇 年终'],
    ['an editor credit in brackets', '（责任编辑：小刘）'],
    ['a font-size switch', '字体大小：大 中 小'],
    ['a download prompt', '立即下载本文档（共9页，docx格式）'],
    ['a membership prompt', '开通VIP会员，海量范文免费下载'],
    ['a preview notice', '友情提示：当前为预览部分，完整内容请下载'],
    ['a page counter on its own line', '第3页 共7页'],
    ['a file size and page count', '文件大小：56.2 KB  页数：12页'],
    ['a site address', '本文地址：https://www.wenmi-example.com/zj/8812.html'],
    ['share buttons', '分享到：QQ空间 | 微信 | 微博'],
    ['prev and next links', '下一篇：社区2025年工作计划'],
    ['a lead-in', '以下是本站为您精选的乡镇年度工作总结，欢迎阅读。'],
    ['a source tail', '（文章来源于网络，如有侵权请联系删除）'],
    ['a complaint prompt', '举报 | 客服QQ：800012345'],
  ])('reports %s as one finding spanning the line', async (_, line) => {
    expect(await residue(doc([line]))).toEqual([line]);
    expect(await residue(doc([line], 8))).toEqual([line]);
  });

  it('reports a page furniture block split one item per line, and keeps the title', async () => {
    const text = ['当前位置：', '首页', '>', '政务公开', '>', '工作报告', '2025年青山镇政府工作报告', '发布时间：', '2025-02-10 10:12:05', '来源：', '青山融媒', '【字体：', '大', '中', '小', '】', '各位代表：', '现在，我代表镇人民政府向大会报告工作，请予审议。', '一、过去一年的工作', '全年完成地区生产总值18.6亿元，同比增长6.2%。', '扫一扫在手机打开当前页', '【', '打印本页', '】', '【', '关闭窗口', '】'].join('\n');
    const found = await residue(text);
    expect(found).toEqual(['当前位置：', '首页', '>', '政务公开', '>', '工作报告', '发布时间：', '2025-02-10 10:12:05', '来源：', '青山融媒', '【字体：', '大', '中', '小', '】', '扫一扫在手机打开当前页', '【', '打印本页', '】', '【', '关闭窗口', '】']);
  });

  it('keeps the speaker and the title next to page metadata', async () => {
    expect(await residue(['2025年青山镇政府工作报告', '来源：青山融媒', '镇长 王明', '各位代表：', '现在，我代表镇人民政府向大会报告工作。'].join('\n'))).toEqual(['来源：青山融媒']);
  });

  it('reports a page counter or reading prompt pasted into a sentence on its own', async () => {
    expect(await residue(doc(['新建村级养老服务站6个，第3页 共8页 完成年度任务的75%。']))).toEqual(['第3页 共8页']);
    expect(await residue(doc(['培训新型职业农民420人，第2页共6页发放补贴18万元。']))).toEqual(['第2页共6页']);
    expect(await residue(doc(['新增家庭农场9家已阅读2页，还剩4页未读，继续阅读>>，累计达到88家。']))).toEqual(['已阅读2页，还剩4页未读，继续阅读>>']);
    expect(await residue(doc(['全年改造农村公路36公里，- 4 - 修复危桥3座。']))).toEqual(['- 4 -']);
  });

  it.each([
    ['numbered paragraphs under a heading', ['（一）抓实项目建设', '1、新开工项目12个，完成投资5.6亿元。', '2、竣工项目8个，新增产能一批。']],
    ['a county portal named in a sentence', ['镇财政预决算全部在县政府门户网站公开，接受社会监督。']],
    ['a public account reporting its reading count', ['镇融媒体中心微信公众号全年推送信息410条，累计阅读量52万人次。']],
    ['a source of income', ['部分农户收入来源单一，抵御风险能力较弱。']],
    ['a meeting notice', ['时间：2025年3月12日上午9时', '地点：镇政府三楼会议室']],
    ['a signature and a date', ['青山镇人民政府', '2025年12月26日']],
    ['a seal note and an attachment label', ['（签章）', '附件']],
    ['a speech opening', ['各位代表：']],
    ['a sentence about downloads', ['引导群众下载使用“一网通办”APP，线上办件率达到68%。']],
    ['a sentence about reading on', ['组织党员干部继续阅读红色经典，开展读书分享会6场。']],
    ['data sources', ['数据来源：县统计局']],
    ['a word a web page split off its sentence', ['围绕新能源装备、精细化工等重点产业链的关键核心技术难题，全面推行', '揭榜', '挂帅机制，全年发布技术榜单12项。']],
  ])('keeps %s clean', async (_, lines) => {
    expect(await residue(doc(lines))).toEqual([]);
    expect(await residue(doc(lines, 8))).toEqual([]);
  });
});

describe('web-residue fixes', () => {
  const text = ['青山镇2025年工作总结', '首页 > 范文中心 > 工作总结', '全年新建村级养老服务站6个，第3页 共8页 完成年度任务。', '一、主要工作', '全年完成投资5.6亿元。', '上一篇：社区2025年工作计划'].join('\n');
  const clean = ['青山镇2025年工作总结', '全年新建村级养老服务站6个，完成年度任务。', '一、主要工作', '全年完成投资5.6亿元。', ''].join('\n');

  async function fixed(input: string): Promise<string> {
    const rules = (await builtinRules()).filter((r) => r.definition.id === 'web-residue');
    return (await fixText(input, 'text', { rules })).output;
  }

  it('deletes a residue line with its line break and a run with the spaces around it', async () => {
    expect(await fixed(text)).toBe(clean);
    expect(await fixed(`${text}\n`)).toBe(clean);
    expect(await fixed(text.replace(/\n/g, '\r\n'))).toBe(clean.replace(/\n/g, '\r\n'));
  });

  it('writes UTF-8, CRLF and GB18030 files back byte for byte but the deleted lines', async () => {
    const crlf = `${text.replace(/\n/g, '\r\n')}\r\n`;
    const dir = tempDir({ 'u.txt': `${text}\n`, 'c.txt': crlf, 'g.txt': iconv.encode(crlf, 'gb18030') });
    const r = await cli(['--fix', 'u.txt', 'c.txt', 'g.txt'], dir);
    expect(r.stderr).toBe('');
    const bytes = (name: string) => fs.readFileSync(path.join(dir, name));
    expect(bytes('u.txt').equals(Buffer.from(clean))).toBe(true);
    expect(bytes('c.txt').equals(Buffer.from(clean.replace(/\n/g, '\r\n')))).toBe(true);
    expect(bytes('g.txt').equals(iconv.encode(clean.replace(/\n/g, '\r\n'), 'gb18030'))).toBe(true);
  });
});

describe('web-residue: a government portal record, site disclaimers and preview notices', () => {
  it('reports each line of a portal record above the title, and never the title itself', async () => {
    const record = ['索引号：11330600/2025-00123 公开方式：主动公开', '发布机构：青山镇 成文日期：2025-01-08', '主题分类：', '政务公开', '信息索引号：', '11330600/2025-00123', '文号：', '有效性：'];
    const text = doc(record, 0);
    expect(await residue(text)).toEqual(record);
  });

  it.each([
    ['a disclaimer', '说明：本文由网友上传，不代表本站观点，欢迎参考。'],
    ['a preview notice', '温馨说明：本页内容仅供预览，部分内容可能不全，下载后的文档与预览一致。'],
    ['a copyright line', '版权所有 © 某某范文网 备案号：京ICP备00000000号'],
    ['a button row without separators', '【打印】【关闭】【收藏】'],
  ])('reports %s at the end', async (_kind, line) => {
    const text = doc([line], 8);
    expect(await residue(text)).toEqual([line]);
  });

  it('leaves the same words used in the document', async () => {
    const text = doc(['全镇各村政务公开事项按主动公开目录按时更新，接受群众监督。', '严格执行原创文章审核制度，镇公众号全年推送信息320条。'], 4);
    expect(await residue(text)).toEqual([]);
  });
});

describe('web-residue: the title again further down', () => {
  it('reports the title repeated as a page header inside the body, not a title doubled at the top', async () => {
    const title = '青山镇2025年工作总结';
    const inBody = doc([title], 4);
    expect(await residue(inBody)).toEqual([title]);
    expect(await residue(doc([title], 1))).toEqual([]);
  });
});

describe('web-residue: related-article lists, view counters, keyword lines and lead-ins', () => {
  it('reports each title a site lists under a related-articles heading, one finding per line', async () => {
    const list = ['猜你喜欢', '白沙镇2024年上半年工作总结', '村党支部书记述职报告范文', '2025年社区工作计划（通用6篇）'];
    expect(await residue(doc(list, 8))).toEqual(list);
    const other = ['您可能感兴趣的文章：', '街道办事处年度工作汇报', '乡镇防汛工作方案'];
    expect(await residue(doc(other, 8))).toEqual(other);
  });

  it('deletes the list with its line breaks, byte for byte on CRLF', async () => {
    const rules = (await builtinRules()).filter((r) => r.definition.id === 'web-residue');
    const text = doc(['相关文章', '街道办事处年度工作汇报', '  乡镇防汛工作方案  '], 8);
    const crlf = text.replace(/\n/g, '\r\n');
    expect((await fixText(text, 'text', { rules })).output).toBe(doc([], 8));
    expect((await fixText(crlf, 'text', { rules })).output).toBe(doc([], 8).replace(/\n/g, '\r\n'));
  });

  it('ends the list at a numbered heading or a sentence, and leaves the words used in a sentence', async () => {
    expect(await residue(doc(['推荐阅读', '（四）社会治理扎实推进', '全年调处矛盾纠纷126件。'], 4))).toEqual(['推荐阅读']);
    expect(await residue(doc(['会后，各村认真学习相关文章，形成心得体会36篇。', '村级工作总结按季度报送镇党政办。'], 4))).toEqual([]);
  });

  it.each([
    ['a view counter after the date', '2025-03-08 2317人已围观'],
    ['an empty field of the page', '推荐度：'],
    ['a reading count', '阅读：1268'],
    ['a "full text" lead-in', '以下为报告全文：'],
    ['a copy button', '正文复制'],
    ['a title with its page counter', '青山镇2025年工作总结 第3页'],
    ['a template site title', '乡镇年度工作总结范文'],
    ['a numbered variant of a title', '乡镇年度工作总结 篇3'],
    ['a title with the count of its variants', '乡镇年度工作总结（精选4篇）'],
    ['a writing site note', '【写作参考】本站网友为您搜集的“乡镇工作总结”资料，供您写作参考，喜欢就复制下载吧！'],
    ['a site greeting', '欢迎访问公文写作网，一个专业的写作学习网站！'],
    ['a source tail naming the title', '《乡镇年度工作总结》来源于网络，欢迎阅读乡镇年度工作总结。'],
    ['two links on one line', '上一篇：社区2024年工作总结 下一篇：社区2025年工作计划'],
    ['a skip link', '跳转到内容'],
  ])('reports %s', async (_, line) => {
    expect(await residue(doc([line], 4))).toEqual([line]);
    expect(await residue(doc([line], 8))).toEqual([line]);
  });

  it.each([
    ['a heading with half-width commas', ['加强组织领导,压实工作责任,确保任务落实']],
    ['counts with half-width commas', ['全镇共有3个村,12个组,人口2万人']],
    ['readers counted in a sentence', ['镇公众号全年发布信息320条，1.2万人已阅读。']],
    ['a greeting in a speech', ['欢迎来到美丽的青山镇！', '欢迎各位客商来青山镇投资兴业。']],
    ['articles counted in a sentence', ['全镇在省级刊物发表调研文章3篇。']],
    ['a table of contents line', ['一、主要工作完成情况 第2页']],
    ['the full text named in a sentence', ['会议审议通过了《青山镇国土空间规划》，全文共分五章。']],
  ])('keeps %s clean', async (_, lines) => {
    expect(await residue(doc(lines, 4))).toEqual([]);
  });
});

describe('web-residue: news marks, shop prompts and appeals', () => {
  it.each([
    ['a news end mark', '（完）'],
    ['the original headline', '原标题：白沙镇召开年度工作总结会'],
    ['a publisher credit', '发布人：党政办'],
    ['a short editor credit', '责编：周平'],
    ['an attachment download label', '附件下载：'],
    ['a price and a cart button', '下载积分：5 加入购物车'],
    ['a download count', '已有512人下载'],
    ['a ranking box', '阅读排行'],
    ['a mobile switch', '手机版 | 电脑版'],
    ['a reach counter', '本文已影响1.6万人'],
    ['a complaint button', '举报该文档 收藏'],
    ['a home link', '返回首页'],
    ['a note of omitted text', '（此处省略部分内容）'],
    ['an appeal to like', '觉得有用就点个赞吧'],
  ])('reports %s', async (_, line) => {
    expect(await residue(doc([line], 8))).toEqual([line]);
  });

  it.each([
    ['downloads counted in a sentence', ['全镇3.2万人下载国家反诈中心APP，覆盖率达到85%。']],
    ['a mobile version named in a heading', ['开发政务服务手机版，实现掌上办理']],
    ['an appeal in a speech', ['欢迎社会各界继续关注我们的发展。']],
    ['a document named in a sentence', ['该文档已印发各村，请认真抓好落实。']],
    ['a ranking in a heading', ['全镇综合考评排行全县第一']],
  ])('keeps %s clean', async (_, lines) => {
    expect(await residue(doc(lines, 4))).toEqual([]);
  });
});

describe('web-residue: page numbers, resource records, contact prompts and template titles', () => {
  it.each([
    ['a page number alone on its line', '- 7 -'],
    ['a page counter alone on its line', '第 7 页'],
    ['an English page counter', 'Page 7 of 15'],
    ['a document site resource record', '资源ID：5580213  资源大小：204KB  全文页数：15页'],
    ['a contact prompt', '文档下载有问题请添加QQ：10001处理，点击这里给我发消息'],
    ['a reader upload note', '本篇由用户投稿上传，如有不妥请联系站长删除。'],
    ['the page title field', '本文标题：青山镇2025年工作总结'],
    ['a link back to the column', '返回年终总结栏目 >>'],
    ['a read counter', '本文已被阅读2318次'],
    ['a numbered template variant', '乡镇年度工作总结范文4'],
    ['a numbered article header with its word count', '第4篇 乡镇年度工作总结 3125字'],
    ['tags after TAG', 'TAG标签：乡镇工作总结 年终总结'],
  ])('reports %s', async (_, line) => {
    expect(await residue(doc([line], 4))).toEqual([line]);
    expect(await residue(doc([line], 8))).toEqual([line]);
  });

  it.each([
    ['a programme named in a sentence', ['全镇在县电视台《乡村振兴》栏目播出专题报道3期。']],
    ['a station head in a sentence', ['网格员发现隐患后及时报告站长处理。']],
    ['a water resource field', ['水资源类型：地表水为主']],
    ['a range of pages in a sentence', ['详见汇编第3页至第7页。']],
    ['a page cited in a sentence', ['具体标准见实施方案第3页。']],
  ])('keeps %s clean', async (_, lines) => {
    expect(await residue(doc(lines, 4))).toEqual([]);
  });
});

describe('web-residue: document sites named, login walls, counters in brackets and closing lead-ins', () => {
  it.each([
    ['a breadcrumb after 现在位置', '现在位置：公文网>总结报告>年终总结>青山镇2025年工作总结'],
    ['a document site named before the title', '腾讯文库青山镇2025年工作总结'],
    ['a date with 发布 in a bulleted header', '- 2025-02-11 发布'],
    ['a word count and reading time', '（本文共计4120字，预计阅读时间12分钟）'],
    ['a copy button', '点击复制全文'],
    ['comment and like counters', '评论（3） 点赞（12）'],
    ['a login wall', '登录后即可查看完整内容'],
    ['a closing lead-in', '以上就是小编为大家整理的全部内容，希望对您有所帮助。'],
    ['a readers-also-liked box', '看过本文的人还喜欢'],
  ])('reports %s', async (_, line) => {
    expect(await residue(doc([line], 4))).toEqual([line]);
    expect(await residue(doc([line], 8))).toEqual([line]);
  });

  it.each([
    ['a reading campaign heading', ['保障学生课外阅读时间']],
    ['a service used after login', ['群众登录后即可查看办理进度，实现“掌上办”。']],
    ['villagers liking an activity', ['群众也喜欢这种宣讲形式']],
    ['a summary of collected opinions', ['以上是我们收集整理的群众意见，已逐条交办。']],
  ])('keeps %s clean', async (_, lines) => {
    expect(await residue(doc(lines, 4))).toEqual([]);
  });
});

describe('web-residue: Markdown', () => {
  it('quotes each finding as the document writes it, markup and all', async () => {
    const text = [
      '# 青山镇2025年工作总结',
      '',
      '**上一篇**：西岭乡2025年工作总结范文',
      '',
      '今年以来，青山镇坚持稳中求进工作总基调，经济社会保持平稳健康发展。',
      '',
      '| 网站首页 | 总结报告 | 乡镇工作总结 |',
      '|---|---|---|',
      '',
      '全年完成地区生产总值18.6亿元，同比增长6.2%。',
      '',
      '[下一篇](https://example.com/next)：东山镇工作计划',
      '',
    ].join('\n');
    const findings = await lintString(text, { format: 'markdown', rule: 'web-residue' });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.evidence?.match, JSON.stringify(f)).toBe(text.slice(f.start, f.end));
  });
});

describe('web-residue: keyword lines without their label, spaced word counts, related titles of any kind', () => {
  it.each([
    ['keywords with half-width commas', '青山镇,工作总结,2025'],
    ['keywords with single spaces', '乡镇 工作总结 2025 年终'],
    ['a word count written with spaces', '全文共 4120 字'],
  ])('reports %s', async (_, line) => {
    expect(await residue(doc([line], 1))).toEqual([line]);
    expect(await residue(doc([line], 8))).toEqual([line]);
  });

  it('reports every short title under a related-articles heading, with or without a document word', async () => {
    const list = ['相关文章', '如何当好新时代村干部', '浅谈基层减负的几点做法', '热门文章', '网格化管理的实践探索'];
    expect(await residue(doc(list, 8))).toEqual(list);
  });

  it('ends a related-articles list at a line with a comma or a sentence end', async () => {
    const text = doc(['推荐阅读', '浅谈基层减负', '全镇调处矛盾纠纷126件，化解率98%'], 4);
    expect(await residue(text)).toEqual(['推荐阅读', '浅谈基层减负']);
  });

  it.each([
    ['a table header pasted with spaces', ['项目名称 建设内容 投资计划 建设年限']],
    ['a heading with half-width commas and a plan', ['加强组织领导,做好工作计划,确保任务落实']],
    ['a numbered heading of short phrases', ['一、抓规划,编方案,促落实']],
    ['a year and a plan in a sentence', ['2025年，全镇编制村庄规划方案12个，完成投资3亿元。']],
  ])('keeps %s clean', async (_, lines) => {
    expect(await residue(doc(lines, 4))).toEqual([]);
  });
});

describe('web-residue: a document shop page', () => {
  it.each([
    ['a button row with a bookmark and a complaint', '书签 分享 收藏 举报 版权申诉 / 12'],
    ['an upload prompt', '上传文档赚钱'],
    ['the seller', '• 上传人(卖家):清河书生'],
    ['the file format', '• 格式:DOCX'],
    ['a download statement', '【下载声明】'],
    ['a keyword label spaced out', '关 键  词:'],
  ])('reports %s', async (_, line) => {
    expect(await residue(doc([line], 1))).toEqual([line]);
    expect(await residue(doc([line], 8))).toEqual([line]);
  });

  it.each([
    ['a format named in a sentence', ['统一报送格式：正文用仿宋三号字，附件用表格。']],
    ['uploads counted in a sentence', ['全年上传政务信息86条，上传人员均经培训。']],
    ['a keyword in a heading', ['（三）抓关键，补短板']],
  ])('keeps %s clean', async (_, lines) => {
    expect(await residue(doc(lines, 4))).toEqual([]);
  });
});
