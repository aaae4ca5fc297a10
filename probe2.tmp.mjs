import { lintText, loadRules } from './dist/index.js';
const rules = await loadRules();
const para = '## 一、主要工作\n\n全镇新建道路**3条**，桥梁XX处，投资1.2亿元，完成率95%。\n\n- 项目一：道路\n- 项目二：桥梁\n\n';
for (const mb of [0.05, 1, 4]) {
  const text = para.repeat(Math.ceil(mb * 1e6 / para.length));
  for (const fmt of ['text', 'markdown']) {
    const t0 = performance.now(); await lintText(text, fmt, { rules }); console.log(mb, 'MB', fmt, Math.round(performance.now() - t0), 'ms');
  }
}
