import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ApplicationStatus } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/** Every step of an application: what, who and when. */
@Entity({ name: 'application_steps' })
@Index('idx_application_steps_application', ['applicationId', 'at'])
export class ApplicationStep {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ApplicationStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @Column({ name: 'interview_at', ...DATETIME, nullable: true })
  interviewAt!: Date | null;

  @Column({ name: 'interview_place', type: 'varchar', length: 120, nullable: true })
  interviewPlace!: string | null;

  @Column({ name: 'by_user', type: 'varchar', length: 36, nullable: true })
  byUser!: string | null;

  @Column({ name: 'by_role', type: 'varchar', length: 16, nullable: true })
  byRole!: string | null;

  @Column({ ...DATETIME })
  at!: Date;
}
