import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Lang } from '../i18n/i18n.js';
import { PageQuery } from '../common/pagination.js';
import type { NotificationRecord } from './notifications.service.js';
import { renderMessage, type MessageKind } from './templates.js';

export class NotificationListQuery extends PageQuery {}

export class NotificationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'dossier.received' }) kind: MessageKind;
  @ApiPropertyOptional({ type: String, nullable: true }) dossierId: string | null;
  @ApiProperty({ description: 'In the language of the request (Accept-Language, else Vietnamese)' }) title: string;
  @ApiProperty({ description: 'Paragraphs joined by newlines' }) text: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '/dossiers/3f0c…' }) link: string | null;
  @ApiProperty({ description: 'What the message was made from: dossier code, procedure, dates (ISO)' }) params: Record<string, unknown>;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) readAt: string | null;
}

export function toNotificationResponse(n: NotificationRecord, lang: Lang): NotificationResponse {
  const message = renderMessage(n.kind, n.params, lang);
  return {
    id: n.id,
    kind: n.kind,
    dossierId: n.dossierId,
    title: message.subject,
    text: message.body.join('\n'),
    link: n.dossierId ? `/dossiers/${n.dossierId}` : null,
    params: n.params as unknown as Record<string, unknown>,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
