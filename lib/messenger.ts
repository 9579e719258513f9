import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './messages';

/**
 * The typed messenger. Kept apart from the schemas (types only) so that the
 * content script, which only asks, does not carry zod in its bundle.
 */
export const messenger = defineExtensionMessaging<ProtocolMap>();
