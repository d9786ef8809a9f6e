export async function step(_o: unknown, _io: unknown): Promise<number> { throw new Error('step: under arbete'); }
