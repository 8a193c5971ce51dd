import { z } from 'zod';
import { ChangelogSchema } from '../changelog';
import { LocalizedTextSchema } from '../localized-text';

const MonthDaySchema = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD');
const WeekdaySchema = z.number().int().min(1).max(7);
const YearSchema = z.number().int().min(1900).max(2200);

/**
 * A list of days as written in the legal-basis tables: `01-01..01-08, 02-23` (month-days within a year) or
 * `2020-03-30..2020-04-30, 2020-06-24` (full dates); `none` for an empty list.
 */
const DayListSchema = z.string().min(1);

/** One year of a calendar that cannot be derived from rules (Russia's yearly decree, UK proclamations). */
const YearTableRowSchema = z.object({
  year: YearSchema,
  /** The act that fixes this year's days off, shown in every explanation that used this year. */
  source: LocalizedTextSchema,
  /** Non-working days besides ordinary weekends. */
  daysOff: DayListSchema,
  /** Weekend days made working days. */
  workingWeekendDays: DayListSchema.default('none'),
  /** Names of days off by MM-DD (keys of `holidayNames`); unnamed ones that are no fixed holiday are transferred days off. */
  names: z.record(MonthDaySchema, z.string().min(1)).optional(),
});

const HolidayRuleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  /** `n` = 1..5 counts from the start of the month, -1 is the last such weekday. */
  z.object({
    type: z.literal('nth-weekday'),
    month: z.number().int().min(1).max(12),
    weekday: WeekdaySchema,
    n: z.union([z.literal(-1), z.number().int().min(1).max(5)]),
  }),
  z.object({ type: z.literal('easter'), offsetDays: z.number().int().min(-60).max(70) }),
  /** The last `weekday` strictly before month/day (e.g. the Wednesday before 23 November). */
  z.object({
    type: z.literal('weekday-before'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    weekday: WeekdaySchema,
  }),
]);

const HolidaySpecSchema = z.object({
  /** Key of `holidayNames`. */
  name: z.string().min(1),
  rule: HolidayRuleSchema,
  fromYear: YearSchema.optional(),
  toYear: YearSchema.optional(),
  /** Only in these years (one-off holidays). */
  years: z.array(YearSchema).optional(),
  /** Only in these regions (keys of `regions`); absent means everywhere. */
  regions: z.array(z.string().min(1)).optional(),
});

const SpecialDaysSchema = z.object({
  /** Days off that are not holidays and that each rule may or may not honour. */
  kind: z.literal('presidential-non-working'),
  dates: DayListSchema,
  /** Key of `holidayNames`. */
  name: z.string().min(1),
  source: LocalizedTextSchema,
});

export const CalendarDataSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: LocalizedTextSchema,
    weekendDays: z.array(WeekdaySchema).min(1).max(3),
    holidayNames: z.record(z.string(), LocalizedTextSchema),
    /** Holidays on a fixed date by law: they name table days and, with weekends, form the fallback outside coverage. */
    fixedHolidays: z.record(MonthDaySchema, z.string().min(1)),
    /** Russia: the Labour Code's holidays are days off every year, so a table row missing one is a typo. */
    fixedHolidaysListedEveryYear: z.boolean().default(false),
    yearTable: z.array(YearTableRowSchema).min(1).optional(),
    holidayRules: z
      .object({
        coverage: z.object({ from: YearSchema, to: YearSchema }),
        source: LocalizedTextSchema,
        /** `nearest-weekday`: a holiday on Saturday is observed on Friday, on Sunday on Monday (5 U.S.C. 6103(b)). */
        observance: z.enum(['none', 'nearest-weekday']),
        specs: z.array(HolidaySpecSchema).min(1),
      })
      .optional(),
    regions: z.record(z.string(), LocalizedTextSchema).optional(),
    specialDays: z.array(SpecialDaysSchema).optional(),
    changelog: ChangelogSchema,
  })
  .refine((data) => (data.yearTable === undefined) !== (data.holidayRules === undefined), {
    message: 'a calendar has either a year table or holiday rules, not both and not neither',
    path: ['yearTable'],
  });

export type CalendarDataInput = z.input<typeof CalendarDataSchema>;
export type CalendarData = z.output<typeof CalendarDataSchema>;
export type HolidayRule = z.output<typeof HolidayRuleSchema>;
export type HolidaySpec = z.output<typeof HolidaySpecSchema>;
