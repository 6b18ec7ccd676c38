/**
 * Veto and follow-up hooks that other modules attach to the lifecycle
 * (payments refuse an unpaid submission, results issue the document on
 * approval), so that the dossiers module never imports them. They run inside
 * the action's transaction: a veto (a thrown Problem) leaves nothing written,
 * and a follow-up commits or rolls back with the change itself.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../common/roles.js';
import type { ProcedureDefinition } from '../procedures/forms/definition.js';
import type { DossierEntity } from './dossier.entity.js';
import type { DossierAction, DossierStatus } from './lifecycle.js';

/** Who acts: a signed-in person, or the portal's own timers. */
export type Acting = Principal | 'SYSTEM';

export interface TransitionEvent {
  tx: EntityManager;
  /** Before the change in `beforeTransition`; as saved (new status, step, version) in `afterTransition`. */
  dossier: DossierEntity;
  action: DossierAction;
  from: DossierStatus;
  to: DossierStatus;
  by: Acting;
  now: Date;
  definition: ProcedureDefinition;
}

export interface DossierHook {
  /** Throw a Problem to refuse the action; nothing has been written yet. */
  beforeTransition?(event: TransitionEvent): Promise<void>;
  /** After the event and the outbox rows are written, in the same transaction. */
  afterTransition?(event: TransitionEvent): Promise<void>;
}

@Injectable()
export class DossierHooks {
  private readonly hooks: DossierHook[] = [];

  /** Called by a module's `onModuleInit`. */
  register(hook: DossierHook): void {
    this.hooks.push(hook);
  }

  async before(event: TransitionEvent): Promise<void> {
    for (const hook of this.hooks) await hook.beforeTransition?.(event);
  }

  async after(event: TransitionEvent): Promise<void> {
    for (const hook of this.hooks) await hook.afterTransition?.(event);
  }
}
