import type { Logger } from 'pino';
import type { GuardService } from '../assist/guardService.js';
import type { ScriptLibrary } from '../assist/scriptLibrary.js';
import type { TeamsAgentChannel } from '../teams/teamsAgentChannel.js';
import type { FaqService } from '../faq/faqService.js';
import type { ClusterBus } from './clusterBus.js';

export interface ClusterSyncOptions {
  readonly bus: ClusterBus;
  readonly faqs: FaqService;
  readonly guard: GuardService;
  readonly scripts: ScriptLibrary;
  readonly teamsChannel: TeamsAgentChannel;
  readonly log: Logger;
}

/**
 * Keeps this instance's in-memory copies (the FAQ index, the banned-phrase guard, the script
 * library) in step with edits made on other instances, and reloads them all after the bus was
 * cut off, since edits made meanwhile went unheard.
 */
export function syncWithCluster(o: ClusterSyncOptions): void {
  const fail = (what: string) => (err: unknown) => o.log.error({ err }, `could not apply ${what} from another instance`);
  o.faqs.onChange = (change) => o.bus.publish({ topic: 'faq', ...change });
  o.guard.onChange = () => o.bus.publish({ topic: 'guard' });
  o.scripts.onChange = () => o.bus.publish({ topic: 'scripts' });
  o.teamsChannel.onCapture = () => o.bus.publish({ topic: 'teams' });
  o.bus.subscribe((message) => {
    if (message.topic === 'faq') o.faqs.applyRemote(message).catch(fail('an FAQ change'));
    else if (message.topic === 'guard') o.guard.reload().catch(fail('a banned-phrase change'));
    else if (message.topic === 'scripts') o.scripts.reload().catch(fail('a script change'));
    else if (message.topic === 'teams') o.teamsChannel.refresh().catch(fail('a Teams installation'));
  });
  o.bus.onResync(() => {
    o.faqs.reload().catch(fail('a full FAQ reload'));
    o.guard.reload().catch(fail('a banned-phrase reload'));
    o.scripts.reload().catch(fail('a script reload'));
    o.teamsChannel.refresh().catch(fail('a Teams channel reload'));
  });
}
