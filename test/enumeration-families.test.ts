import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';

const rule = 'enumeration-count-mismatch';
const reported = async (text: string) => (await lintString(text, { rule })).length;

/** Each family: a count that matches its list, and the same with a slip. */
describe('enumeration-count-mismatch: phrasings of a counted list', () => {
  it.each([
    ['the count before the list, after a colon', '共疏浚沟渠4条：东干渠、西支渠、南沟、北沟，累计清淤6公里。', '共疏浚沟渠3条：东干渠、西支渠、南沟、北沟，累计清淤6公里。'],
    ['N大 before the list', '重点培育了四大产业：有机茶叶、高山蔬菜、特色水果和乡村旅游，带动增收。', '重点培育了三大产业：有机茶叶、高山蔬菜、特色水果和乡村旅游，带动增收。'],
    ['the count before the list, after 分别位于', '新建村级综合服务中心3个，分别位于东村、西村和南村。', '新建村级综合服务中心4个，分别位于东村、西村和南村。'],
    ['the count before the list, after 依次为', '评出先进集体五个，依次为东村、西村、南村、北村、中村。', '评出先进集体六个，依次为东村、西村、南村、北村、中村。'],
    ['the count before the list, after 即', '建成两个示范片区，即东片区、西片区。', '建成三个示范片区，即东片区、西片区。'],
    ['a quoted slogan that counts its items', '深入开展“清沟渠、清垃圾、清杂物、清残墙”“四清”行动。', '深入开展“清沟渠、清垃圾、清杂物、清残墙”“三清”行动。'],
    ['a slogan before its items', '推进“三改”（改厕、改厨、改圈）工作。', '推进“四改”（改厕、改厨、改圈）工作。'],
    ['an Arabic count before the noun naming the items', '完成东岭、南坪、北湾、中和4个村的规划编制。', '完成东岭、南坪、北湾、中和3个村的规划编制。'],
    ['和 inside a name before 等 with a smaller count', '建成仁和、安乐、福田、长兴、新塘、石井等六个服务站。', '建成仁和、安乐、福田、长兴、新塘、石井等五个服务站。'],
    ['和 inside the last name', '走访东坑、西岭、和平新村3个村。', '走访东坑、西岭、和平新村2个村。'],
    ['an Arabic count before a modified noun (示范村, 专业队伍)', '建成了李家村、王家村、张家村3个示范村。', '建成了李家村、王家村、张家村、刘家村3个示范村。'],
    ['quoted items side by side before the count', '重点推进“一村一品”“一乡一业”“一镇一特”三项工程。', '重点推进“一村一品”“一乡一业”“一镇一特”两项工程。'],
    ['an Arabic count before a team', '组建综治、调解、禁毒、护路4支队伍。', '组建综治、调解、禁毒、护路、巡防4支队伍。'],
    ['the count, a predicate of the counted noun, then 分别是', '全镇有5个村完成了改厕任务，分别是东村、西村、南村、北村和中村。', '全镇有6个村完成了改厕任务，分别是东村、西村、南村、北村和中村。'],
    ['the items in brackets after the counted noun', '全镇4个村（东岭村、南坪村、北湾村、中和村）完成了改造。', '全镇5个村（东岭村、南坪村、北湾村、中和村）完成了改造。'],
    ['kinds in brackets, more than the count', '开展3类培训（种植、养殖、电商），培训农民580人次。', '开展3类培训（种植、养殖、电商、加工），培训农民580人次。'],
    ['共 between the list and its count', '完成了东岭、南坪、北湾和中和共4个村的道路硬化。', '完成了东岭、南坪、北湾和中和共3个村的道路硬化。'],
    ['a Chinese N大 right after its list', '抓好道路、饮水、危房、厕所、污水五大工程。', '抓好道路、饮水、危房、厕所、污水四大工程。'],
    ['分别是 and a colon before the list', '成功创建省级卫生村3个，分别是：红旗村、向阳村、前进村。', '成功创建省级卫生村2个，分别是：红旗村、向阳村、前进村。'],
    ['a quoted list of 、-separated items right before its count', '组织开展“访民情、解民忧、暖民心”三项行动。', '组织开展“访民情、解民忧、暖民心”四项行动。'],
    ['a quoted list before N大', '围绕“茶叶、油茶、蔬菜”三大产业，新建基地1,200亩。', '围绕“茶叶、油茶、蔬菜”两大产业，新建基地1,200亩。'],
    ['a final 和 between two names', '走访东坑、西岭和和顺里3个社区。'.replace('和和顺里', '和南湖'), '走访东坑、西岭和南湖2个社区。'],
  ])('%s', async (_family, right, wrong) => {
    expect(await reported(right), right).toBe(0);
    expect(await reported(wrong), wrong).toBe(1);
  });

  it.each([
    ['等 with a larger count', '支持东坑、西岭等10个村发展集体经济。'],
    ['a quoted list before a count of levels, not of its items', '推行“户分类、村收集、镇转运、县处理”三级模式，覆盖12个村。'],
    ['a quoted list holding a clause mark counts more than it shows', '破解“人多地少，小生产、大市场”三大矛盾。'],
    ['a count of objects after a list of actions', '新建、改建公厕3座。'],
    ['actions before a modified noun', '创建、巩固、提升2个示范村。'],
    ['quoted names holding numerals', '落实“两不愁三保障”“四个不摘”两项要求。'],
    ['points of work after the count', '重点抓好3个方面：一是加强组织、落实责任，二是完善制度。'],
    ['a slogan whose items do not hold its word', '开展“讲政治、守规矩、重品行”“三好”评选。'],
    ['kinds of the counted cases in brackets', '调处矛盾纠纷12件（土地纠纷、婚姻家庭纠纷、邻里纠纷）。'],
    ['kinds of the counted opinions in brackets', '收集群众意见12条（交通、教育、医疗）。'],
    ['places of the counted households in brackets', '改造危房23户（东湖村、西山村）。'],
    ['kinds of unit the count takes in', '推动16个县（市、区）整县建设美丽乡村，12个村（社区、居）完成改造。'],
    ['a bracket naming some of them', '建成3个示范点（含东湖村、西山村）。'],
    ['即将 after a longer predicate', '建成3个村级服务站点并完成验收，即将投入使用、接受群众监督。'],
    ['等共 with a larger count', '完成了东岭、南坪、北湾和中和等共9个村的道路硬化。'],
    ['共 before a count of objects of the listed kinds', '新建文化广场、健身场地共12处。'],
    ['a quote opened before the clause holds the list', '着力破解“人多地少，小生产、大市场，投入高、产出低”三大矛盾。'],
    ['long items after the count', '完成2项任务：全面完成农村人居环境整治三年行动各项目标任务、推动厕所革命。'],
  ])('stays silent: %s', async (_trap, text) => {
    expect(await reported(text), text).toBe(0);
  });

  it('reports the count of a slogan, not the whole phrase', async () => {
    const text = '深入开展“清沟渠、清垃圾、清杂物、清残墙”“三清”行动。';
    const [f] = await lintString(text, { rule });
    expect(text.slice(f.start, f.end)).toBe('三清');
    expect(f.message).toBe('列举了4项，数量却写作“三清”');
  });
});

describe('enumeration-count-mismatch: a count and the numbered points after it', () => {
  it.each([
    ['一是… in one sentence', '重点抓好三个方面：一是修路；二是治水；三是建广场。', '重点抓好三个方面：一是修路；二是治水；三是建广场；四是改厕。'],
    ['一是… over paragraphs', '今年主要抓好三个方面工作：\n一是修路，完成道路12公里。\n二是治水，清淤沟渠8条。\n三是建广场。', '今年主要抓好三个方面工作：\n一是修路，完成道路12公里。\n二是治水，清淤沟渠8条。\n三是建广场。\n四是改厕，改厕320户。'],
    ['第一，…', '全年重点做好以下四项工作：第一，修路；第二，治水；第三，建广场；第四，改厕。', '全年重点做好以下四项工作：第一，修路；第二，治水；第三，建广场；第四，改厕；第五，护林。'],
  ])('%s', async (_family, right, wrong) => {
    expect(await reported(right), right).toBe(0);
    expect(await reported(wrong), wrong).toBe(1);
  });

  it('names the count as written', async () => {
    const [f] = await lintString('重点抓好三个方面：一是修路；二是治水；三是建广场；四是改厕。', { rule });
    expect(f.message).toBe('列举了4项，数量却写作“三个”');
  });

  it.each([
    ['an inner list inside an outer point, which then resumes', '一是抓产业。二是抓党建。三是统筹抓好两件事：一是改厕，二是改厨。四是抓稳定。'],
    ['a second list that starts again at 一是', '主要做了两项工作：一是修路，二是治水。同时抓好三件事：一是改厕，二是改厨，三是改圈。'],
    ['a new section after a heading', '重点抓好两个方面：一是修路；二是治水。\n\n二、存在的问题\n\n三是资金不足。'],
  ])('stays silent: %s', async (_trap, text) => {
    expect(await reported(text), text).toBe(0);
  });
});

describe('enumeration-count-mismatch: counts that do not count the list after them', () => {
  it.each([
    ['two counts before one list', '提出“两个中心”“三大平台”：东区中心、西区中心、南区平台。'],
    ['a count of one', '提出一个要求，即生产、建设、流通都要提速。'],
    ['a count that qualifies a noun before the list', '明确两项重点的任务，即道路、桥梁、水利。'],
    ['a list that may go on after a comma', '抓好三件事：修路、治水，建设文化广场。'],
  ])('stays silent: %s', async (_trap, text) => {
    expect(await reported(text), text).toBe(0);
  });
});
