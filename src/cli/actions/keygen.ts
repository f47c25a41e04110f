import { existsSync } from 'node:fs';
import { fileProblem } from '../../errors/UsageError';
import { generateSigningKeys } from '../../generateSigningKeys';
import { escapeControls } from '../output/safeText';
import { openSink, print, type OutputSink } from '../output/sink';

/** The options of `keygen` as commander parses them. */
export interface KeygenFlags {
  readonly out: string;
  readonly force?: boolean;
}

/** Runs `keygen`: writes a new Ed25519 key pair for signing rulesets. */
export function keygenAction(flags: KeygenFlags): void {
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
}
