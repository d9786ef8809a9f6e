export async function status(_o: unknown, _io: unknown): Promise<number> { throw new Error('status: under arbete'); }
