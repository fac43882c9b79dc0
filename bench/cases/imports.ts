import path from 'node:path';
import { writeFileSync, readFileSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import { openApp, type AppContext } from '../../electron/core/context';
import { handlers } from '../../electron/features/handlers';
import { dispatch } from '../../electron/ipc/dispatch';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { Bench } from '../bench';

const ROWS = 20_000;

async function timed<M extends MethodName>(
  ctx: AppContext,
  method: M,
  input: Input<M>,
): Promise<{ ms: number; value: Output<M> }> {
  const started = performance.now();
  const result = await dispatch(handlers, ctx, method, input);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return { ms, value: result.value as Output<M> };
}

/**
 * A 20,000-row export from another CRM: 19,000 new customers and 1,000 that already exist,
 * half with a contact, owners by name, a title row above the headers.
 */
function crmExport(ctx: AppContext, file: string): void {
  const owners = (
    ctx.sqlite
      .prepare("SELECT name FROM users WHERE active = 1 AND role = 'rep' ORDER BY name")
      .all() as { name: string }[]
  ).map((u) => u.name);
  const existing = (
    ctx.sqlite
      .prepare('SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 1000')
      .all() as { name: string }[]
  ).map((c) => c.name);
  const statuses = ['潜在客户', '客户', '流失'];
  const aoa: (string | number)[][] = [
    ['客户资料导出 2026-11-23'],
    [
      '客户名称',
      '联系电话',
      '行业',
      '所属区域',
      '详细地址',
      '客户来源',
      '业务员',
      '客户状态',
      '标签',
      '备注',
      '联系人',
      '职务',
      '手机',
    ],
  ];
  for (let i = 0; i < ROWS; i++) {
    const name =
      i < existing.length
        ? (existing[i] ?? '')
        : `导入测试客户${String(i).padStart(5, '0')}有限公司`;
    aoa.push([
      name,
      `021-${String(60000000 + i)}`,
      ['制造业', '医药', '零售', '物流'][i % 4] ?? '',
      ['华东', '华南', '华北', '西南'][i % 4] ?? '',
      `上海市浦东新区张江路${i}号`,
      '展会',
      owners[i % owners.length] ?? '',
      statuses[i % 3] ?? '',
      i % 5 === 0 ? '重点、老客户' : '',
      i % 7 === 0 ? '从旧系统迁移的客户，需要复核联系人信息。' : '',
      i % 2 === 0 ? `联系人${i}` : '',
      i % 2 === 0 ? '采购经理' : '',
      i % 2 === 0 ? 13900000000 + i : '',
    ]);
  }
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(aoa), '客户');
  writeFileSync(file, write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

/** Issue 3: importing a 20,000-row xlsx (preview with validation, then one commit) on the large file. */
export async function run(bench: Bench): Promise<void> {
  // On a copy, so the cases after this one see the large demo as it was.
  const copy = path.join(bench.dir, 'imports.sqlite');
  bench.ctx.sqlite.prepare('VACUUM INTO ?').run(copy);
  const ctx = openApp(copy);
  try {
    const file = path.join(bench.dir, 'crm-export.xlsx');
    crmExport(ctx, file);
    const bytes = readFileSync(file);
    let reports = 0;
    ctx.onProgress(() => (reports += 1));
    const preview = await timed(ctx, 'imports.previewCustomers', {
      fileName: 'crm-export.xlsx',
      dataBase64: bytes.toString('base64'),
    });
    const { importId, mapping, counts } = preview.value;
    if (counts.valid !== ROWS)
      throw new Error(`expected ${ROWS} valid rows, got ${counts.valid} (${counts.issues} issues)`);
    const commit = await timed(ctx, 'imports.commitCustomers', {
      importId,
      mapping,
      onDuplicate: 'update',
    });
    const r = commit.value;
    bench.record({
      name: 'import 20,000-row xlsx (preview + commit)',
      value: preview.ms + commit.ms,
      budget: 10_000,
      unit: 'ms',
      note: `${(bytes.length / 1024 / 1024).toFixed(1)} MB; preview ${(preview.ms / 1000).toFixed(2)} s, commit ${(commit.ms / 1000).toFixed(2)} s; ${r.created} new, ${r.updated} updated, ${r.contactsCreated} contacts; ${reports} progress reports`,
    });
  } finally {
    ctx.close();
  }
}
