import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ID_COLUMN, decimalToNumber } from '../../database/column-types';

/** What an offer (idle staff) and a request (hands wanted) both say. */
abstract class SharedPostColumns {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId!: string;

  @Column({ name: 'occupation_code', type: 'varchar', length: 16 })
  occupationCode!: string;

  @Column({ type: 'integer' })
  headcount!: number;

  @Column({ name: 'from_date', type: 'varchar', length: 10 })
  from!: string;

  @Column({ name: 'to_date', type: 'varchar', length: 10 })
  to!: string;

  @Column({ name: 'town_code', type: 'varchar', length: 12 })
  townCode!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: 'open' | 'closed';

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

/** A firm with idle staff (淡季富余) offers them for a period. */
@Entity({ name: 'shared_staff_offers' })
@Index('idx_shared_staff_offers_open', ['status', 'occupationCode'])
@Index('idx_shared_staff_offers_employer', ['employerId'])
export class SharedOffer extends SharedPostColumns {}

/** A firm short of hands (赶订单) asks for staff for a period, at a pay. */
@Entity({ name: 'shared_staff_requests' })
@Index('idx_shared_staff_requests_open', ['status', 'occupationCode'])
@Index('idx_shared_staff_requests_employer', ['employerId'])
export class SharedRequest extends SharedPostColumns {
  @Column({ type: 'decimal', precision: 10, scale: 2, transformer: decimalToNumber })
  wage!: number;

  @Column({ name: 'wage_unit', type: 'varchar', length: 8 })
  wageUnit!: 'day' | 'month' | 'hour';
}
