import { describe, expect, it } from 'vitest';
import { families, messagesOf } from './helpers/families.js';
import { model } from './helpers/model.js';

/** The rate-mismatch findings of a text: [reported rate as written, message]. */
const mismatches = (text: string) => messagesOf('rate-mismatch', text);

describe('rate-mismatch: the rate first, its counts after it', () => {
  families('rate-mismatch', [
    {
      // The plan in the completion's phrase, the actual figure after it.
      wrong: '规上工业产值完成年度目标任务24亿元的71.6%，实际完成15.8亿元。',
      says: '15.8亿元÷24亿元=65.83%',
      right: [
        '规上工业产值完成年度目标任务24亿元的65.8%，实际完成15.8亿元。',
        '固定资产投资完成年度计划5.6亿元的86.2%（实际完成4.83亿元）。',
        // Two figures of the unit after it: which is the actual one is not said.
        '招商引资完成年度目标12亿元的97.5%，完成13亿元，其中外资2亿元。',
      ],
    },
    {
      wrong: '固定资产投资完成年度计划5.6亿元的80.2%（实际完成4.83亿元）。',
      says: '4.83亿元÷5.6亿元=86.25%',
      right: [],
    },
    {
      wrong: '矛盾纠纷化解率97.5%（总数316件，化解301件）。',
      says: '301件÷316件=95.25%',
      right: ['矛盾纠纷化解率95.3%（总数316件，化解301件）。', '矛盾纠纷化解率95.3%（化解301件，总数316件）。'],
    },
    {
      wrong: '按时办结率98.1%：应办结的1,540件中，按时办结1,480件。',
      says: '1,480件÷1,540件=96.1%',
      right: ['按时办结率96.1%：应办结的1,540件中，按时办结1,480件。'],
    },
    {
      wrong: '已挂牌2,030户，挂牌率99.6%（应挂2,080户）。',
      says: '2,030户÷2,080户=97.6%',
      right: ['已挂牌2,030户，挂牌率97.6%（应挂2,080户）。'],
    },
    {
      // Two counts and no word to tell them apart: the share is the smaller of the larger.
      wrong: '义务教育巩固率97.1%：2016年入学1,208人，2024年毕业1,149人。',
      says: '1,149人÷1,208人=95.12%',
      right: ['义务教育巩固率95.1%：2016年入学1,208人，2024年毕业1,149人。'],
    },
  ]);
});

describe('rate-mismatch: a base stated once and shared by the shares after it', () => {
  families('rate-mismatch', [
    {
      wrong: '在1,650件诉求中，交通类412件、噪音类287件，分别占25.0%和19.4%。',
      says: '287件÷1,650件=17.39%',
      right: ['在1,650件诉求中，交通类412件、噪音类287件，分别占25.0%和17.4%。', '受理诉求1,650件，其中交通类412件、噪音类287件，分别占25%、17.4%。'],
    },
    {
      wrong: '全镇312个自然村中有287个完成改厕，占94.0%。',
      says: '287个÷312个=91.99%',
      right: ['全镇312个自然村中有287个完成改厕，占92.0%。', '全镇312个自然村中有287个完成改厕，占比92%。'],
    },
    {
      wrong: '全县共有行政村186个。其中已通客运班车的174个，占95.5%。',
      says: '174个÷186个=93.55%',
      right: ['全县共有行政村186个。其中已通客运班车的174个，占93.5%。'],
    },
    {
      wrong: '全村五个村民小组，其中三个已完成改造，占百分之七十。',
      says: '三个÷五个=60%',
      right: ['全村五个村民小组，其中三个已完成改造，占百分之六十。'],
    },
    {
      // 万 and 亿 in one relation: 9,600万元 of 3.2亿元 is 30%, not 3%.
      wrong: '完成固定资产投资3.2亿元，其中工业投资9,600万元，占固定资产投资的3.0%。',
      says: '9,600万元÷3.2亿元=30%',
      right: ['完成固定资产投资3.2亿元，其中工业投资9,600万元，占固定资产投资的30.0%。'],
    },
    {
      // A funnel: the shares are of the mediated cases, not of the successful ones stated just before.
      wrong: '共排查纠纷2,480件，调解2,316件，调解成功2,205件；其中土地纠纷694件、家庭纠纷512件，分别占调解总数的31.5%和22.1%。',
      says: '694件÷2,316件=29.97%',
      right: [
        '共排查纠纷2,480件，调解2,316件，调解成功2,205件；其中土地纠纷694件、家庭纠纷512件，分别占调解总数的30.0%和22.1%。',
        '共排查纠纷2,480件，调解2,316件，调解成功2,205件；其中土地纠纷694件、家庭纠纷512件，分别占30.0%和22.1%。',
      ],
    },
  ]);

  it('leaves a share whose named whole is not given, or whose clause names a part with no count', async () => {
    for (const text of [
      '完成固定资产投资3.2亿元，其中工业投资9,600万元，占全市工业投资的3.0%。',
      '完成工业投资3.2亿元，其中技改投资9,600万元，占全市工业投资的3.0%。',
      '认证农产品达到1,420个，86个产品获得有机认证，茶叶出口占全省同类产品出口的12.5%。',
      '全县户籍人口38.6万人，其中农业人口24.1万人，城镇化率52.3%。',
    ]) expect(await mismatches(text), text).toEqual([]);
  });
});

describe('rate-mismatch: a 其中 list running on over semicolons, a share for each part', () => {
  families('rate-mismatch', [
    {
      wrong: '全年共受理诉求1,286件，其中城建类412件，占32.0%；民生类385件，占31.9%。',
      says: '385件÷1,286件=29.94%',
      right: [
        '全年共受理诉求1,286件，其中城建类412件，占32.0%；民生类385件，占29.9%。',
        // No 其中 list was opened: the whole of 385件 is not told.
        '全年共受理诉求1,286件，办结1,250件；民生类385件，占31.9%。',
      ],
    },
    {
      wrong: '全年共受理诉求1,286件，其中城建类412件，占32.0%；民生类385件，占29.9%；其他489件，占48.0%。',
      says: '489件÷1,286件=38.02%',
      right: ['全年共受理诉求1,286件，其中城建类412件，占32.0%；民生类385件，占29.9%；其他489件，占38.0%。', '全镇党员820名，其中女党员210名，占25.6%；35岁以下党员180名，占22%。'],
    },
  ]);
});

describe('rate-mismatch: the numerator named by the rate, swapped and completion', () => {
  families('rate-mismatch', [
    {
      wrong: '全年出生人口236人，其中二孩98人，二孩率45.1%。',
      says: '98人÷236人=41.53%',
      right: ['全年出生人口236人，其中二孩98人，二孩率41.5%。'],
    },
    {
      wrong: '城乡居民医保参保9.86万人，应参保10.24万人，参保率103.9%。',
      says: '疑将分子分母颠倒',
      right: ['城乡居民医保参保9.86万人，应参保10.24万人，参保率96.3%。'],
    },
    {
      wrong: '常住人口5.6万人，全年出生人口420人，出生率8.5‰。',
      says: '420人÷5.6万人=7.5‰',
      right: ['常住人口5.6万人，全年出生人口420人，出生率7.5‰。'],
    },
    {
      wrong: '计划新建道路32公里，实际完成28.6公里，完成率92.4%。',
      says: '28.6公里÷32公里=89.38%',
      right: ['计划新建道路32公里，实际完成28.6公里，完成率89.4%。', '实际完成道路28.6公里，为计划32公里，完成率89.4%。'],
    },
    {
      // Last year's figure in parentheses is no base of this year's rate.
      wrong: '发生刑事案件64起（上年同期71起），破获51起，破案率71.8%。',
      says: '51起÷64起=79.69%',
      right: ['发生刑事案件64起（上年同期71起），破获51起，破案率79.7%。'],
    },
    {
      // 一般公共预算收入 is an amount named after the budget, not the plan it is measured against.
      wrong: '1—9月，一般公共预算收入完成2,314万元，占年度任务3,860万元的66%。',
      says: '2,314万元÷3,860万元=59.95%',
      right: ['1—9月，一般公共预算收入完成2,314万元，占年度任务3,860万元的60%。', '税收收入占一般公共预算收入的比重为81.6%。'],
    },
    {
      // The plan written as a bare magnitude: its unit is the amount's own.
      wrong: '截至9月底，完成土地出让收入5,140万元，占全年任务8,200万的68.7%。',
      says: '5,140万元÷8,200万=62.68%',
      right: ['截至9月底，完成土地出让收入5,140万元，占全年任务8,200万的62.7%。', '完成造林1.35万亩，占全年任务2.1万的64.3%。'],
    },
  ]);

  it('stays silent in the grey zone the rounding of the inputs leaves', async () => {
    // 0.45–0.55 of 1.15–1.25亿元 is 36%–47.8%.
    expect(await mismatches('营业收入1.2亿元，其中线上收入0.5亿元，占41%。')).toEqual([]);
    expect(await mismatches('营业收入1.2亿元，其中线上收入0.5亿元，占52%。')).toHaveLength(1);
  });

  it('says when the counts are in the text but not connected to the rate', async () => {
    const m = await model('全县应参保人数19.8万人，参保率96.3%，其中新增参保3,200人。');
    const [c] = m.claims.claims.filter((x) => x.kind === 'ratio');
    expect(c.reason).toBe('not-linked');
    expect(m.claims.coverage.reasons['not-linked']).toBe(1);
    const lone = await model('全县城镇化率52.3%。');
    expect(lone.claims.claims.find((x) => x.kind === 'ratio')?.reason).toBe('missing-base');
  });
});

describe('rate-mismatch: the part named by what is said of it', () => {
  families('rate-mismatch', [
    {
      wrong: '全组共64户，其中58户完成改厕，改厕率达93.8%。',
      says: '58户÷64户=90.63%',
      right: ['全组共64户，其中58户完成改厕，改厕率达90.6%。', '全组64户中，已有58户完成改厕，改厕率90.6%。'],
    },
    {
      wrong: '辖区240名老人中，已有216名签约家庭医生，签约率为92%。',
      says: '216名÷240名=90%',
      right: ['辖区240名老人中，已有216名签约家庭医生，签约率为90%。', '辖区240名老人中，已有216名签约家庭医生，体检率为92%。'],
    },
  ]);
});

describe('rate-mismatch: a bare coverage rate of the part just counted', () => {
  families('rate-mismatch', [
    {
      // 覆盖率 and 普及率 name no action of the part: the part-of-whole words link it.
      wrong: '全镇23个行政村中已有21个村建成文化广场，覆盖率达95.7%。',
      says: '21个÷23个=91.3%',
      right: [
        '全镇23个行政村中已有21个村建成文化广场，覆盖率达91.3%。',
        '全镇共有行政村23个，已建成村级文化广场21个，覆盖率91.3%。',
        // Another matter's rate, named as such.
        '全镇23个行政村中已有21个村建成文化广场，宽带覆盖率达95.7%。',
        '全镇23个行政村中已有21个村建成文化广场，群众满意率达95.7%。',
      ],
    },
    {
      wrong: '全村1,240户中已有1,150户用上自来水，普及率达94.5%。',
      says: '1,150户÷1,240户=92.74%',
      right: ['全村1,240户中已有1,150户用上自来水，普及率达92.7%。', '全村农户1,240户，其中1,150户用上自来水，普及率92.7%。'],
    },
  ]);
});

describe('rate-mismatch: the rate first, its counts in the clauses after it', () => {
  families('rate-mismatch', [
    {
      wrong: '城乡居民医保参保率99.2%，参保人数4.36万人，应参保人数4.41万人。',
      says: '4.36万人÷4.41万人=98.87%',
      right: [
        '城乡居民医保参保率98.9%，参保人数4.36万人，应参保人数4.41万人。',
        // No count marked as the whole: nothing to divide by.
        '城乡居民医保参保率99.2%，参保人数4.36万人，新增参保1,200人。',
        // The counts after it are another matter's.
        '城乡居民医保参保率99.2%，发放补贴资金4.36万元，应发放4.41万元。',
      ],
    },
    {
      // The whole not marked as such: the one other count of the unit, before the part and holding it.
      wrong: '群众来信来访办结率98.6%，全年共受理来信来访142件，按期办结137件。',
      says: '137件÷142件=96.48%',
      right: [
        '群众来信来访办结率96.5%，全年共受理来信来访142件，按期办结137件。',
        '宅基地确权登记发证率96.5%，全村宅基地1,420宗，已发证1,370宗。',
        // Last year's figure, a second part, or a count after the part: none is the whole.
        '群众来信来访办结率98.6%，今年按期办结137件，去年办结142件。',
        '群众来信来访办结率98.6%，其中当场办结97件，限期办结40件。',
        '群众来信来访办结率98.6%，按期办结137件，剩余5件。',
      ],
    },
  ]);
});

describe('rate-mismatch: 所占比重 and 占到, shares whose words name no subject', () => {
  families('rate-mismatch', [
    {
      wrong: '全镇规上工业产值12.6亿元，其中装备制造业产值5.2亿元，所占比重为45.3%。',
      says: '5.2亿元÷12.6亿元=41.27%',
      right: ['全镇规上工业产值12.6亿元，其中装备制造业产值5.2亿元，所占比重为41.3%。'],
    },
    {
      wrong: '全镇农业经营主体860家，其中家庭农场312家，占到42.3%。',
      says: '312家÷860家=36.28%',
      right: ['全镇农业经营主体860家，其中家庭农场312家，占到36.3%。', '全镇农业经营主体860家，其中家庭农场312家，所占比例为36.3%。'],
    },
  ]);
});

describe('rate-mismatch: groups counted in households and people (412户1,536人)', () => {
  families('rate-mismatch', [
    {
      // The people counted go with their households' words; either unit may be the rate's.
      wrong: '全镇建档立卡贫困户1,193户5,992人，已脱贫1,115户5,730人，脱贫率97.6%。',
      says: '5,730人÷5,992人=95.63%',
      right: [
        '全镇建档立卡贫困户1,193户5,992人，已脱贫1,115户5,730人，脱贫率95.6%。',
        '全镇建档立卡贫困户1,193户5,992人，已脱贫1,115户5,730人，脱贫率93.5%。',
      ],
    },
    {
      wrong: '全镇共有脱贫户412户1,536人，今年新识别监测户18户62人，监测户占脱贫户的5.4%。',
      says: '÷',
      right: [
        '全镇共有脱贫户412户1,536人，今年新识别监测户18户62人，监测户占脱贫户的4.4%。',
        '全镇共有脱贫户412户1,536人，今年新识别监测户18户62人，监测人口占脱贫人口的4.0%。',
      ],
    },
  ]);
});

describe('rate-mismatch: what is left after the part (其余10处正在整改) is no count of the rate', () => {
  families('rate-mismatch', [
    {
      wrong: '全镇共排查安全隐患286处，已整改276处，其余10处正在整改，整改率98.5%。',
      says: '276处÷286处=96.5%',
      right: [
        '全镇共排查安全隐患286处，已整改276处，其余10处正在整改，整改率96.5%。',
        '受理群众诉求320件，已办结305件，尚有15件正在办理，办结率95.3%。',
      ],
    },
  ]);
});

describe('rate-mismatch: a bound qualifies what is counted (收入超过20万元的村), it is no count', () => {
  families('rate-mismatch', [
    {
      wrong: '全镇14个村中有11个村集体经济收入超过30万元，占80.6%。',
      says: '11个÷14个=78.57%',
      right: [
        '全镇14个村中有11个村集体经济收入超过30万元，占78.6%。',
        '全镇14个村中有11个村集体经营性收入达到30万元以上，占78.6%。',
      ],
    },
  ]);
});

describe('rate-mismatch: the rate between its counts', () => {
  families('rate-mismatch', [
    {
      // The whole before the rate, the part after it.
      wrong: '全村共有农户1,240户，改厕率为91.5%，已改厕1,108户。',
      says: '1,108户÷1,240户=89.35%',
      right: [
        '全村共有农户1,240户，改厕率为89.4%，已改厕1,108户。',
        // The count before names no whole: not the base.
        '全村新建户厕1,240户，改厕率为91.5%，已改厕1,108户。',
      ],
    },
    {
      // The part before the rate, the whole after it, named by the rate's action.
      wrong: '全镇参保居民2.86万人，参保率达97.8%，全镇应参保居民3.02万人。',
      says: '2.86万人÷3.02万人=94.7%',
      right: [
        '全镇参保居民2.86万人，参保率达94.7%，全镇应参保居民3.02万人。',
        // A total that is not the rate's base (总人口 of 参保率).
        '全镇参保居民2.86万人，参保率达97.8%，全镇总人口3.35万人。',
      ],
    },
  ]);
});

describe('rate-mismatch: a completion stated after the parts of its count', () => {
  families('rate-mismatch', [
    {
      // The plan named by the phrase and stated before, smaller than what was done.
      wrong: '年度计划投资5.2亿元，实际完成6.1亿元，完成年度计划的107.3%。',
      says: '6.1亿元÷5.2亿元=117.31%',
      right: ['年度计划投资5.2亿元，实际完成6.1亿元，完成年度计划的117.3%。', '年度计划造林3,000亩，实际完成3,420亩，占年度计划的114%。'],
    },
    {
      // 118% follows from neither the whole nor the last part: the phrase closes the list, the whole is meant.
      wrong: '参加城乡居民医保5,120人，其中成年居民1,860人、学生儿童3,260人，占年度目标任务4,000人的118%。',
      says: '5,120人÷4,000人=128%',
      right: [
        '参加城乡居民医保5,120人，其中成年居民1,860人、学生儿童3,260人，占年度目标任务4,000人的128%。',
        // The rate of the part alone.
        '参加城乡居民医保5,120人，其中学生儿童3,260人，占年度目标任务4,000人的81.5%。',
        '参加城乡居民医保5,120人，其中学生儿童3,260人，占年度目标任务4,000人的128%。',
      ],
    },
  ]);
});

describe('rate-mismatch: a rate of change is no share', () => {
  it('leaves 增长比例 and 增长率 to growth-rate-mismatch', async () => {
    for (const text of ['财政总收入由2.48亿元增加到3.915亿元，增长比例达58%。', '上缴税金1,872万元，上年为1,440万元，增长率达到了30%。']) {
      expect(await mismatches(text), text).toEqual([]);
    }
  });
});

describe('rate-mismatch: the whole a share names', () => {
  families('rate-mismatch', [
    {
      // 面积 says what is measured: 全镇耕地 is the whole of 占耕地面积的.
      wrong: '全镇耕地4.8万亩，其中水田2.9万亩，占耕地面积的66.4%。',
      says: '2.9万亩÷4.8万亩=60.42%',
      right: ['全镇耕地4.8万亩，其中水田2.9万亩，占耕地面积的60.4%。'],
    },
    {
      // The whole given after the share, by the name the share gives it.
      wrong: '全镇60岁以上老人5,120人，占总人口的21.8%，全镇总人口3.02万人。',
      says: '5,120人÷3.02万人=16.95%',
      right: [
        '全镇60岁以上老人5,120人，占总人口的17%，全镇总人口3.02万人。',
        // Another place's whole.
        '全镇60岁以上老人5,120人，占总人口的21.8%，全县总人口38.6万人。',
      ],
    },
  ]);
});

describe('rate-mismatch: a completion written without 的 (完成计划118%)', () => {
  families('rate-mismatch', [
    {
      wrong: '全年计划新建户厕800户，实际建成868户，完成计划112.5%。',
      says: '868户÷800户=108.5%',
      right: ['全年计划新建户厕800户，实际建成868户，完成计划108.5%。'],
    },
    {
      // 占 the budget without 的, the plan stated before it.
      wrong: '年初预算安排非税收入5,200万元，全年完成5,460万元，占年初预算110%。',
      says: '5,460万元÷5,200万元=105%',
      right: [
        '年初预算安排非税收入5,200万元，全年完成5,460万元，占年初预算105%。',
        // The amount over the budget (超收) is no count of the completion, and 一般公共预算收入 names the revenue, not its plan.
        '全年一般公共预算收入完成3.26亿元，超收2600万元，完成预算的108.7%。',
      ],
    },
  ]);
});

describe('rate-mismatch: the count of what the rate does not count (不合格 of 合格率, 未办结 of 办结率)', () => {
  families('rate-mismatch', [
    {
      wrong: '全年共抽检蔬菜样品320批次，检出不合格样品6批次，抽检合格率为97.5%。',
      says: '（320批 − 6批）÷320批=98.13%',
      right: [
        '全年共抽检蔬菜样品320批次，检出不合格样品6批次，抽检合格率为98.1%。',
        // The rate named by the negation counts the negated count itself.
        '全年共抽检蔬菜样品320批次，其中不合格6批次，不合格率1.9%。',
      ],
    },
    {
      wrong: '受理群众投诉145件，未办结5件，办结率98.6%。',
      says: '（145件 − 5件）÷145件=96.55%',
      right: ['受理群众投诉145件，未办结5件，办结率96.6%。', '受理群众投诉145件，已办结140件，办结率96.6%。'],
    },
  ]);
});

describe('rate-mismatch: the share of several parts together (两类合计占比, 甲与乙合计占)', () => {
  families('rate-mismatch', [
    {
      wrong: '全年受理群众诉求2,350件，其中社会保障类812件、土地房屋类561件，两类合计占比62.3%。',
      says: '（812件 + 561件）÷2,350件=58.43%',
      right: [
        '全年受理群众诉求2,350件，其中社会保障类812件、土地房屋类561件，两类合计占比58.4%。',
        // Three parts listed, two counted: which two is not said.
        '全年受理群众诉求2,350件，其中社会保障类812件、土地房屋类561件、邻里类310件，两类合计占比62.3%。',
      ],
    },
    {
      // The parts summed are those named before 合计, of a longer list.
      wrong: '全年受理群众诉求2,350件，其中社会保障类812件、土地房屋类561件、邻里类310件，社会保障类与土地房屋类合计占61.2%。',
      says: '（812件 + 561件）÷2,350件=58.43%',
      right: ['全年受理群众诉求2,350件，其中社会保障类812件、土地房屋类561件、邻里类310件，社会保障类与土地房屋类合计占58.4%。'],
    },
  ]);
});
