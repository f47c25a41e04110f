import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { fileProblem } from '../../errors/UsageError';
import { generateSigningKeys } from '../../generateSigningKeys';
import { escapeControls } from '../output/safeText';
import { openSink, print, type OutputSink } from '../output/sink';

/** `dual-use-rules keygen`: a new Ed25519 key pair for approving rulesets. */
export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description(
      'Create an Ed25519 key pair for signing rulesets: <name>.key (private, keep it secret) and ' +
        '<name>.pub (give it to everyone who loads rulesets).',
    )
    .option('--out <name>', 'file name without extension', 'ruleset-signing')
    .option('--force', 'overwrite existing key files')
    .addHelpText(
      'after',
      '\nExamples:\n  $ dual-use-rules keygen\n  $ dual-use-rules keygen --out ' +
        'keys/compliance-team\n\nExit codes: 0 written; 2 the files exist (use --force) or cannot be ' +
        'written.',
    )
    .action((flags: { out: string; force?: boolean }) => {
      const files = { privateKey: `${flags.out}.key`, publicKey: `${flags.out}.pub` };
      for (const file of Object.values(files))
        if (existsSync(file) && flags.force !== true)
          throw fileProblem('file_exists', file, `${file} exists; use --force to replace it.`);
      const keys = generateSigningKeys();
      // Each key goes to a new temporary file and takes its name by rename once both are written: the private key is
      // 0600 and the public key 0644 whatever was there before or the umask, a symbolic link is refused rather than
      // written through, and a failed write leaves neither file.
      const outputs = [
        { file: files.privateKey, mode: 0o600, text: keys.privateKey },
        { file: files.publicKey, mode: 0o644, text: keys.publicKey },
      ];
      const sinks: OutputSink[] = [];
      try {
        for (const { file, mode, text } of outputs) {
          const sink = openSink(file, { mode, refuseLinks: true });
          sinks.push(sink);
          sink.write(text);
        }
        for (const sink of sinks) sink.commit();
      } catch (error) {
        for (const sink of sinks) sink.abort();
        throw error;
      }
      print(
        `${escapeControls(
          `Key ${keys.keyId}: private key in ${files.privateKey} (keep it secret), public key in ${files.publicKey}.`,
        )}\n`,
      );
    });
}
